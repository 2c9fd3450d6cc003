package com.acme.shop.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The platform's one rule for a person's display name (auth at registration, member on
 * its profiles): after stripping, at most {@value PersonNameValidator#MAX_LENGTH} code
 * points and no control characters. {@code null} and blank values are valid here: combine
 * with {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = PersonNameValidator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    String message() default PersonNameValidator.TOO_LONG;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
