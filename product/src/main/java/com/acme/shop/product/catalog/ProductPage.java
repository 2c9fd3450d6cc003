package com.acme.shop.product.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of products: {@code {content: [...], page: {size, number, totalElements,
 * totalPages}}}.
 */
@Schema(name = "ProductPage")
record ProductPage(List<Product> content, PageMetadata page) {

    @Schema(name = "PageMetadata")
    record PageMetadata(@Schema(example = "20") int size, @Schema(description = "0-based", example = "0") int number,
            @Schema(example = "40") long totalElements, @Schema(example = "2") long totalPages) {
    }

    static ProductPage of(List<Product> content, ProductSearch search, long totalElements) {
        long totalPages = (totalElements + search.size() - 1) / search.size();
        return new ProductPage(content, new PageMetadata(search.size(), search.page(), totalElements, totalPages));
    }
}
