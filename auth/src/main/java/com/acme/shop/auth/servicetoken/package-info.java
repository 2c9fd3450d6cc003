/**
 * Service tokens for other services (client-credentials style): {@code POST
 * /internal/service-tokens} with HTTP Basic {@code client:secret} gives a short-lived
 * SERVICE token ({@code sub service:<client>}) for one audience the client may call. Not
 * routed by the gateway.
 */
package com.acme.shop.auth.servicetoken;
