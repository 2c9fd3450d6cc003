package com.acme.shop.member;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An optional phone number: blank means absent; else, stripped, 3 to 32 of digits,
 * spaces, {@code + ( ) -}.
 */
@Constraint(validatedBy = PhoneNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface PhoneNumber {

    String message() default "must be 3 to 32 characters of digits, spaces, '+', '(', ')' and '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PhoneNumber, String> {

        private static final Pattern PHONE = Pattern.compile("^[+0-9 ()-]{3,32}$");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || PHONE.matcher(value.strip()).matches();
        }

    }

}
