package com.acme.shop.order;

import java.util.OptionalLong;

/**
 * Strong entity tags carrying the member version ({@code "3"}), and {@code If-Match}
 * evaluation.
 */
public final class ETags {

    private ETags() {
    }

    public static String format(long version) {
        return "\"" + version + "\"";
    }

    /**
     * True when the {@code If-Match} field value is {@code *} or lists the given version
     * as a strong tag. Weak tags never match (If-Match uses strong comparison, RFC 9110
     * §13.1.1); malformed tags never match.
     */
    public static boolean matches(String ifMatch, long version) {
        if (ifMatch.trim().equals("*")) {
            return true;
        }
        for (String candidate : ifMatch.split(",")) {
            OptionalLong tag = parseStrong(candidate.trim());
            if (tag.isPresent() && tag.getAsLong() == version) {
                return true;
            }
        }
        return false;
    }

    /**
     * The version in a single strong tag {@code "<n>"}; empty for weak or malformed tags.
     */
    public static OptionalLong parseStrong(String tag) {
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return OptionalLong.empty();
        }
        String digits = tag.substring(1, tag.length() - 1);
        if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

}
