package com.acme.shop.common.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents that a handler method (or every method of a controller) needs
 * {@code Authorization: Bearer <access token>}: the operation gets the bearer security
 * requirement, the {@value ApiDocs#ROLES_EXTENSION} extension, a sentence naming the
 * roles, and the 401, 403 (when roles are named) and 503 (the token's revocation cannot
 * be checked) responses. Documentation only: the service's security configuration
 * decides; the spec tests call the operation with a token of these roles and fail when
 * the two disagree.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RequiresBearer {

    /**
     * Roles of which the token must carry at least one ({@code USER}, {@code ADMIN},
     * {@code SERVICE}); empty: any valid access token.
     */
    String[] roles() default {};

}
