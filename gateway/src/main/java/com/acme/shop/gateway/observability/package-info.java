/**
 * How the gateway shows up in metrics and traces beyond what common and Spring Boot
 * provide: the route pattern as the {@code uri} of {@code http.server.requests}. The
 * counters of the token check and of idempotency keys are registered by the
 * {@code security} and {@code idempotency} packages.
 */
package com.acme.shop.gateway.observability;
