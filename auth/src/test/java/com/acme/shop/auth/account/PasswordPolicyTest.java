package com.acme.shop.auth.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.withBundledList(15, 128);

    @Test
    void acceptsALongPassphraseWithSpacesAndAnyUnicode() {
        assertThat(policy.violation("blue otter sings at dawn")).isEmpty();
        assertThat(policy.violation("Ünïcødé pässwörd 🦊 ok")).isEmpty();
        assertThat(policy.violation("日本語のとても長いパスワードです")).isEmpty();
    }

    @Test
    void countsLengthInCodePointsNotUtf16Units() {
        // 14 emoji = 28 UTF-16 units, but 14 code points: too short
        assertThat(policy.violation("🦊".repeat(7) + "🐻".repeat(7)))
            .hasValueSatisfying(reason -> assertThat(reason).contains("at least 15"));
        // 15 emoji = 60 UTF-8 bytes: fine
        assertThat(policy.violation("🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧🐦🐤🦆")).isEmpty();
    }

    @Test
    void rejectsShortPasswordsWithTheMinimum() {
        assertThat(policy.violation("fourteen chars"))
            .hasValueSatisfying(reason -> assertThat(reason).contains("at least 15"));
        assertThat(policy.violation("")).isPresent();
        assertThat(policy.violation(null)).isPresent();
    }

    @Test
    void acceptsMoreThan72Utf8BytesUpTo128CodePoints() {
        // the peppered pre-hash (B16) removes bcrypt's 72-byte limit: only the code-point
        // cap (B17) applies
        String seventyThree = "Grüße aus Köln, schöne Straße " + "é".repeat(18) + "zx"; // 50
                                                                                        // code
                                                                                        // points,
                                                                                        // 73
                                                                                        // bytes
        assertThat(seventyThree.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(73);
        assertThat(policy.violation(seventyThree)).isEmpty();
        String emoji = "night train to the coast 🌊🚆🌙 with a thermos of tea and rain ☔🍵 ✨"; // 64
                                                                                               // code
                                                                                               // points
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(64);
        assertThat(emoji.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(policy.violation(emoji)).isEmpty();
        String longest = "🌊 " + "x".repeat(126); // 128 code points, 131 bytes
        assertThat(policy.violation(longest)).isEmpty();
    }

    @Test
    void rejectsMoreThan128CodePoints() {
        assertThat(policy.violation("a".repeat(129)))
            .hasValueSatisfying(reason -> assertThat(reason).contains("at most 128"));
    }

    @Test
    void rejectsCommonAndPatternedPasswordsWithAReason() {
        assertThat(policy.violation("passwordpassword"))
            .hasValueSatisfying(reason -> assertThat(reason).contains("common"));
        assertThat(policy.violation("password12345678")).isPresent();
        assertThat(policy.violation("Password123456789")).isPresent();
        assertThat(policy.violation("123456789012345")).isPresent();
        assertThat(policy.violation("qwertyuiopasdfgh")).isPresent();
        assertThat(policy.violation("aaaaaaaaaaaaaaaa")).isPresent();
        assertThat(policy.violation("iloveyou2024!!!!")).isPresent();
        assertThat(policy.violation("1q2w3e4r5t6y7u8i")).isPresent();
    }

    @Test
    void aLowerMinimumIsConfigurable() {
        PasswordPolicy eight = PasswordPolicy.withBundledList(8, 128);
        assertThat(eight.violation("otter7&swan")).isEmpty();
        assertThat(eight.violation("12345678")).isPresent();
    }

}
