package com.acme.shop.payment;

/**
 * Card number text: digits with optional spaces ({@code 4242 4242 4242 4242}), 12 to 19
 * digits, valid under the Luhn check. Never logs or echoes a number.
 */
final class CardNumbers {

    static final int MIN_DIGITS = 12;

    static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    /**
     * The digits of {@code text} without spaces; {@code null} when it holds anything but
     * digits and spaces or has the wrong number of digits.
     */
    static String digits(String text) {
        if (text == null || text.length() > 64) {
            return null;
        }
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
            else if (c != ' ') {
                return null;
            }
        }
        return digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS ? digits.toString() : null;
    }

    /** True when the digits pass the Luhn (mod 10) check. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** True for 12–19 digits (spaces allowed) that pass the Luhn check. */
    static boolean isValid(String text) {
        String digits = digits(text);
        return digits != null && luhn(digits);
    }

    static String last4(String digits) {
        return digits.substring(digits.length() - 4);
    }

}
