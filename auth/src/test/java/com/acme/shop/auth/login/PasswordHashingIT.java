package com.acme.shop.auth.login;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import com.acme.shop.auth.AuthItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * B16 with the peppered pre-hash: passwords over bcrypt's 72 bytes are hashed in full,
 * old plain-bcrypt hashes still log in and are rewritten in the new format at the next
 * successful login.
 */
class PasswordHashingIT extends AuthItSupport {

    private static final String NEW_FORMAT = "{hmac-sha384-bcrypt}$2a$";

    @Autowired
    DatabaseClient db;

    @Test
    void aSixtyFourCharacterPassphraseWithEmojiRegistersAndLogsIn() {
        String email = uniqueEmail();
        String passphrase = "night train to the coast 🌊🚆🌙 with a thermos of tea and rain ☔🍵 ✨";
        assertThat(passphrase.codePointCount(0, passphrase.length())).isEqualTo(64);
        assertThat(passphrase.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);

        register(email, passphrase, "Emoji").expectStatus().isCreated();

        login(email, passphrase).expectStatus().isOk();
        assertThat(storedHash(email)).startsWith(NEW_FORMAT);
    }

    @Test
    void everyCharacterCountsUpTo128CodePointsNothingIsTruncated() {
        String email = uniqueEmail();
        String longest = "🦊🐙🌵🍋".repeat(31) + "🦊🐙🌵x"; // 128 code points, 509 bytes
        assertThat(longest.codePointCount(0, longest.length())).isEqualTo(128);
        register(email, longest, "Long").expectStatus().isCreated();

        login(email, longest).expectStatus().isOk();
        login(email, longest.substring(0, longest.length() - 1) + "y").expectStatus().isUnauthorized();
    }

    @Test
    void anOldPlainBcryptHashLogsInAndIsRewrittenInTheNewFormat() {
        String email = uniqueEmail();
        String legacy = new BCryptPasswordEncoder(4).encode(PASSWORD);
        insertAccount(email, legacy);

        login(email, PASSWORD).expectStatus().isOk();

        String rewritten = storedHash(email);
        assertThat(rewritten).startsWith(NEW_FORMAT).isNotEqualTo(legacy);
        assertThat(new BCryptPasswordEncoder(4).matches(PASSWORD, rewritten.substring(rewritten.indexOf('}') + 1)))
            .as("the pepper is part of the new hash")
            .isFalse();
        login(email, PASSWORD).expectStatus().isOk();
        assertThat(storedHash(email)).isEqualTo(rewritten);
    }

    @Test
    void aWrongPasswordIs401OnEitherFormAndLeavesTheHashAlone() {
        String legacyEmail = uniqueEmail();
        String legacy = new BCryptPasswordEncoder(4).encode(PASSWORD);
        insertAccount(legacyEmail, legacy);
        String newEmail = uniqueEmail();
        register(newEmail, PASSWORD, "New").expectStatus().isCreated();
        String peppered = storedHash(newEmail);

        for (String email : List.of(legacyEmail, newEmail)) {
            login(email, PASSWORD + "!").expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Invalid username or password");
        }
        // over 72 bytes never matches a plain-bcrypt hash, even if its first 72 bytes are
        // the password
        login(legacyEmail, PASSWORD + " ".repeat(80)).expectStatus().isUnauthorized();

        assertThat(storedHash(legacyEmail)).isEqualTo(legacy);
        assertThat(storedHash(newEmail)).isEqualTo(peppered);
    }

    @Test
    void withoutPasswordPepperTheLocalPepperIsGeneratedOnceIntoTheKeyDirectory() throws Exception {
        String pepper = Files.readString(KEY_DIR.resolve("password-pepper")).strip();
        assertThat(java.util.Base64.getDecoder().decode(pepper)).hasSizeGreaterThanOrEqualTo(32);
    }

    private void insertAccount(String email, String hash) {
        db.sql("INSERT INTO auth.accounts (id, email, password_hash, roles, status) "
                + "VALUES (:id, :email, :hash, ARRAY['USER'], 'ACTIVE')")
            .bind("id", UUID.randomUUID())
            .bind("email", email)
            .bind("hash", hash)
            .fetch()
            .rowsUpdated()
            .block();
    }

    private String storedHash(String email) {
        return db.sql("SELECT password_hash FROM auth.accounts WHERE email = :email")
            .bind("email", email)
            .map(row -> row.get("password_hash", String.class))
            .one()
            .block();
    }

}
