package com.acme.shop.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A card number: 12–19 digits, spaces allowed, Luhn-valid ({@link CardNumbers}). The
 * message never contains the value.
 */
@Documented
@Constraint(validatedBy = CardNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface CardNumber {

    String message() default "must be a valid card number (12 to 19 digits, Luhn check)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CardNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // blank is @NotBlank's to report
            return value == null || value.isBlank() || CardNumbers.isValid(value);
        }

    }

}
