package com.acme.shop.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The platform's one email rule, for every service that accepts an address (auth at
 * registration, member on its profiles): after stripping surrounding white space, at most
 * {@value EmailAddressValidator#MAX_LENGTH} characters, an ASCII local part of at most 64
 * characters and a domain of dot-separated DNS labels. {@code null} and blank values are
 * valid here: combine with {@code @NotBlank} where the address is required.
 */
@Documented
@Constraint(validatedBy = EmailAddressValidator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default EmailAddressValidator.INVALID;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
