/**
 * The payment service: a simulated card processor behind an internal API that the order
 * service calls with a SERVICE token (audience {@code shop-payment}). One charge per
 * order id (a unique constraint in PostgreSQL), the documented test cards, configurable
 * latency and injected failures, and no card number, expiry or CVC ever stored or logged:
 * only the last four digits and a keyed fingerprint. Rule ids (A1–A14) refer to
 * docs/idempotency.md.
 */
package com.acme.shop.payment;
