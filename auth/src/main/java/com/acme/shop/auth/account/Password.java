package com.acme.shop.auth.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.acme.shop.common.validation.Constraints;

/**
 * A new password within the {@link PasswordPolicy} bean (B17); the message says why not
 * ("Password must be at least 15 characters long"). {@code null} is invalid ("Password
 * must not be empty").
 */
@Documented
@Constraint(validatedBy = Password.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface Password {

    String message() default "Password is not acceptable";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Created by Spring's constraint-validator factory, which injects the configured
     * policy.
     */
    class Validator implements ConstraintValidator<Password, String> {

        private final PasswordPolicy policy;

        public Validator(PasswordPolicy policy) {
            this.policy = policy;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Constraints.report(policy.violation(value).map(reason -> "Password " + reason).orElse(null),
                    context);
        }

    }

}
