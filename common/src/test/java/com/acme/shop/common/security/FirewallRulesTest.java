package com.acme.shop.common.security;

import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FirewallRules} decides exactly as Spring Security's own predicates (its regular
 * expressions): every code point alone and inside ASCII text, lone surrogates, and random
 * mixes.
 */
class FirewallRulesTest {

    private static final Predicate<String> SPRING_NAMES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES;

    private static final Predicate<String> SPRING_VALUES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

    @Test
    void everyCodePointIsDecidedAsSpringSecurityDecidesIt() {
        int differences = 0;
        int refused = 0;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            String inText = "Bearer a" + alone + "b";
            for (String text : new String[] { alone, inText }) {
                if (FirewallRules.isAssignedAndNotControl(text) != SPRING_NAMES.test(text)
                        || FirewallRules.isAllowedHeaderValue(text) != SPRING_VALUES.test(text)) {
                    differences++;
                }
            }
            if (!SPRING_VALUES.test(alone)) {
                refused++;
            }
        }
        assertThat(differences).isZero();
        // the comparison is not vacuous: controls and unassigned code points are refused
        assertThat(refused).isGreaterThan(600_000);
    }

    @Test
    void theCommonCasesAndTheEdges() {
        // the firewall asks about absent headers too (getFirst of a name not sent)
        assertThat(SPRING_VALUES.test(null)).isTrue();
        assertThat(FirewallRules.isAllowedHeaderValue(null)).isTrue();
        assertThat(FirewallRules.isAssignedAndNotControl(null)).isEqualTo(SPRING_NAMES.test(null)).isTrue();
        assertThat(FirewallRules.isAssignedAndNotControl("")).isTrue();
        assertThat(FirewallRules.isAllowedHeaderValue("Bearer eyJhbGciOiJFUzI1NiJ9.e30.sig")).isTrue();
        assertThat(FirewallRules.isAllowedHeaderValue("naïve café ✓ 😀")).isTrue();
        // a tab is allowed in a value, not in a name
        assertThat(FirewallRules.isAllowedHeaderValue("a\tb")).isTrue();
        assertThat(FirewallRules.isAssignedAndNotControl("a\tb")).isFalse();
        // C0 and C1 controls, DEL, an unassigned code point
        for (String bad : new String[] { "a\u0000b", "a\u0001", "\u001f", "x\u007f", "\u0085", "\u009f", "\u0378" }) {
            assertThat(FirewallRules.isAllowedHeaderValue(bad)).as(bad).isFalse();
            assertThat(FirewallRules.isAssignedAndNotControl(bad)).as(bad).isFalse();
        }
        // a line break after non-ASCII text (the general loop) is still refused
        assertThat(FirewallRules.isAllowedHeaderValue("é\n")).isFalse();
    }

    @Test
    void loneSurrogatesAndRandomMixesAgreeWithSpringSecurity() {
        char[] alphabet = { 'a', 'Z', ' ', '\t', '\n', '\r', '\u0000', '\u007f', '\u0085', 'é', '✓', '\u0378', '\ud83d',
                '\ude00', '\ud800', '\udfff', '\uffff', '\ufffd' };
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 200_000; n++) {
            char[] chars = new char[1 + random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(chars);
            assertThat(FirewallRules.isAssignedAndNotControl(text)).as(text).isEqualTo(SPRING_NAMES.test(text));
            assertThat(FirewallRules.isAllowedHeaderValue(text)).as(text).isEqualTo(SPRING_VALUES.test(text));
        }
    }

}
