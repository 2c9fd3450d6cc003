/**
 * Rule ids in this package's comments refer to the project's own docs: A1–A14
 * (idempotency keys) to docs/idempotency.md; Where each concern of the platform lives:
 * docs/architecture.md.
 */
package com.acme.shop.member;
