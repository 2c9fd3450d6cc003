/**
 * The order service: carts ({@code cart}), orders and the checkout saga
 * ({@code checkout}), and the clients of product, payment and auth ({@code clients}).
 * Rule ids (A1–A14, B1–B17) refer to docs/security.md and docs/idempotency.md; the shop's
 * contract is docs/shop.md.
 */
package com.acme.shop.order;
