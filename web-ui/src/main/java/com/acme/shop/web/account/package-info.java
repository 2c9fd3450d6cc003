/**
 * Rule ids in this package's comments refer to the project's own docs: B1–B17 (tokens)
 * and C1–C11 (web sessions) to docs/security.md. Where each concern of the platform
 * lives: docs/architecture.md.
 */
package com.acme.shop.web.account;
