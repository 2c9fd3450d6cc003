/**
 * The product service: the catalog ({@code catalog}: public reads, ADMIN writes) and the
 * stock reservations the order service makes at checkout ({@code reservation}: SERVICE
 * token, {@code /internal/**}). This package holds what both share: configuration,
 * security, money, ids, ETags and the database time bound. Rule ids in comments refer to
 * the project's docs: A1–A14 (idempotency keys) to docs/idempotency.md, B1–B17 (tokens)
 * to docs/security.md.
 */
package com.acme.shop.product;
