package com.acme.shop.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PersonName}. */
public class PersonNameValidator implements ConstraintValidator<PersonName, String> {

    public static final int MAX_LENGTH = 100;

    public static final String TOO_LONG = "must be at most " + MAX_LENGTH + " characters";

    public static final String CONTROL = "must not contain control characters";

    /** Why the name is rejected, or {@code null} when it is acceptable (or absent). */
    public static String violation(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return TOO_LONG;
        }
        return name.codePoints().anyMatch(Character::isISOControl) ? CONTROL : null;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return Constraints.report(violation(value), context);
    }

}
