package com.acme.shop.auth.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * NIST SP 800-63B password rules (B17): length in code points between min and max (128),
 * every Unicode character and spaces allowed, no composition rules, and no common or
 * breached password (bundled list plus obvious patterns). There is no byte limit: hashes
 * take the peppered pre-hash of B16 ({@link PepperedBcrypt}), so a long passphrase with
 * emoji is hashed in full.
 */
public final class PasswordPolicy {

    static final String COMMON_PASSWORDS = "/passwords/common-passwords.txt";

    private static final String KEYBOARD_ROWS = "1234567890 qwertyuiop asdfghjkl zxcvbnm abcdefghijklmnopqrstuvwxyz";

    private final int minLength;

    private final int maxLength;

    private final Set<String> common;

    public PasswordPolicy(int minLength, int maxLength, Set<String> common) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.common = common;
    }

    public static PasswordPolicy withBundledList(int minLength, int maxLength) {
        return new PasswordPolicy(minLength, maxLength, loadList());
    }

    /** The reason the password is rejected, or empty when it is acceptable. */
    public Optional<String> violation(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("must not be empty");
        }
        int codePoints = password.codePointCount(0, password.length());
        if (codePoints < minLength) {
            return Optional.of("must be at least " + minLength + " characters long");
        }
        if (codePoints > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters long");
        }
        if (isCommon(password)) {
            return Optional.of("is too common: it appears in lists of breached or commonly used passwords");
        }
        return Optional.empty();
    }

    boolean isCommon(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String compact = lower.replaceAll("\\s+", "");
        if (common.contains(lower) || common.contains(compact)) {
            return true;
        }
        // a common word with digits or symbols around it ("password12345678",
        // "!!qwerty2024!!")
        String core = compact.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (!core.isEmpty() && core.length() < compact.length() && common.contains(core)) {
            return true;
        }
        return isRepetition(compact) || isSequence(compact);
    }

    /** "aaaaaaaaaaaaaaa", "abcabcabcabcabc", "passwordpassword". */
    private static boolean isRepetition(String s) {
        int n = s.length();
        for (int unit = 1; unit <= n / 2; unit++) {
            if (n % unit == 0 && s.substring(0, unit).repeat(n / unit).equals(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs along the keyboard or the alphabet, forwards or backwards ("123456789012345",
     * "qwertyuiopasdfgh").
     */
    private static boolean isSequence(String s) {
        String rows = KEYBOARD_ROWS.replace(" ", "");
        String cyclicDigits = "12345678901234567890123456789";
        String forward = rows + cyclicDigits;
        String backward = new StringBuilder(forward).reverse().toString();
        return forward.contains(s) || backward.contains(s);
    }

    static Set<String> loadList() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + COMMON_PASSWORDS);
            }
            Set<String> set = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String entry = line.strip().toLowerCase(Locale.ROOT);
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        set.add(entry);
                    }
                }
            }
            return Set.copyOf(set);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
