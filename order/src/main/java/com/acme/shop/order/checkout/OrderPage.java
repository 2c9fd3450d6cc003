package com.acme.shop.order.checkout;

import java.util.List;

/**
 * One page of orders: {@code {content: [...], page: {size, number, totalElements,
 * totalPages}}}, newest first.
 */
record OrderPage(List<Order> content, PageMetadata page) {

    record PageMetadata(int size, int number, long totalElements, long totalPages) {
    }

    static OrderPage of(List<Order> content, int size, int number, long totalElements) {
        long totalPages = (totalElements + size - 1) / size;
        return new OrderPage(content, new PageMetadata(size, number, totalElements, totalPages));
    }

}
