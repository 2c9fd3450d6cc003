package com.acme.shop.web.orders;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of orders, newest first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderPage(List<Order> content, PageInfo page) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PageInfo(int size, int number, long totalElements, long totalPages) {
    }

    public OrderPage {
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
