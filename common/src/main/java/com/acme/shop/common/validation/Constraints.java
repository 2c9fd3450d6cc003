package com.acme.shop.common.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Helpers for constraint validators whose message depends on the value. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Reports {@code reason} as the violation's message (taken literally, never
     * interpolated), or accepts the value when it is {@code null}.
     * @return whether the value is valid
     */
    public static boolean report(String reason, ConstraintValidatorContext context) {
        if (reason == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(reason)).addConstraintViolation();
        return false;
    }

    /** Escapes the characters a message template treats specially. */
    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }

}
