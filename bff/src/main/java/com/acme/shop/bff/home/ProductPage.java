package com.acme.shop.bff.home;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of product's {@code GET /api/products} (only its content is used). */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProductPage(List<FeaturedProduct> content) {
}
