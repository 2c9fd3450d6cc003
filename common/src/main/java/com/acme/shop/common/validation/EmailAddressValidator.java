package com.acme.shop.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.util.regex.Pattern;

/**
 * Checks {@link EmailAddress}; also usable without Bean Validation through
 * {@link #violation(String)}.
 */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

    public static final int MAX_LENGTH = 254;

    public static final String INVALID = "must be a valid email address";

    public static final String TOO_LONG = "must be at most " + MAX_LENGTH + " characters";

    private static final Pattern EMAIL = Pattern
        .compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    /** Why the address is rejected, or {@code null} when it is acceptable (or absent). */
    public static String violation(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip();
        if (email.length() > MAX_LENGTH) {
            return TOO_LONG;
        }
        return EMAIL.matcher(email).matches() ? null : INVALID;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return Constraints.report(violation(value), context);
    }

}
