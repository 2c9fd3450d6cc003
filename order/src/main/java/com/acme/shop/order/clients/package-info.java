/**
 * Clients of the services order calls: product (prices, stock, reservations), payment
 * (charges, lookups, refunds), both with SERVICE tokens from auth
 * ({@link com.acme.shop.order.clients.ServiceTokens}). Failures a retry may cure (5xx,
 * timeouts, refused connections) are
 * {@link com.acme.shop.order.clients.RetryableException}s.
 */
package com.acme.shop.order.clients;
