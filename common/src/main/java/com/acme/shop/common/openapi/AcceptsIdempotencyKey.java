package com.acme.shop.common.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents that a POST or PATCH handler runs behind common's idempotency layer
 * ({@code IdempotencyWebFilter}, docs/idempotency.md): the operation gets the optional
 * {@code Idempotency-Key} header, {@code Idempotent-Replayed} on its 2xx responses, and
 * the 400 (malformed key), 409 (same key still in flight), 422 (key reused for another
 * request) and 503 (keys cannot be checked) responses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface AcceptsIdempotencyKey {

}
