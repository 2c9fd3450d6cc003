package com.acme.shop.web.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of products: {@code {content, page: {size, number, totalElements,
 * totalPages}}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductPage(List<Product> content, PageInfo page) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PageInfo(int size, int number, long totalElements, long totalPages) {
    }

    public ProductPage {
        content = content == null ? List.of() : List.copyOf(content);
        page = page == null ? new PageInfo(content.size(), 0, content.size(), 1) : page;
    }

    public boolean hasPrevious() {
        return page.number() > 0;
    }

    public boolean hasNext() {
        return page.number() + 1 < page.totalPages();
    }

    public int displayNumber() {
        return page.number() + 1;
    }

    public long displayTotalPages() {
        return Math.max(1, page.totalPages());
    }
}
