/**
 * What every service's OpenAPI document shares (springdoc, optional in common): the
 * {@code Problem} schema, the bearer security scheme, the idempotency and conditional
 * request headers and the standard error responses, as components that operations refer
 * to ({@link ApiDocs}); {@link RequiresBearer} and {@link AcceptsIdempotencyKey} on a
 * handler method add the references an operation needs. How to document a route:
 * docs/api.md.
 */
package com.acme.shop.common.openapi;
