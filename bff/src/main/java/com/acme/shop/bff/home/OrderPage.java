package com.acme.shop.bff.home;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of order's {@code GET /api/orders}, newest first (only its content is used).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderPage(List<OrderSummary> content) {
}
