package com.acme.shop.product.reservation;

import com.acme.shop.product.catalog.ProductExamples;

/**
 * The examples of the internal reservation API: order 0f8e3c52… reserves two Enamel Camp
 * Mugs, confirms and releases them (the spec test runs them in this order).
 */
final class ReservationExamples {

    static final String ORDER_ID = "0f8e3c52-7a1d-4b6e-9c2f-3d4e5f607182";

    static final String PRODUCT_ID = ProductExamples.MUG_ID;

    static final String REQUEST = """
            {"orderId":"0f8e3c52-7a1d-4b6e-9c2f-3d4e5f607182",\
            "items":[{"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","quantity":2}]}""";

    private static final String ITEMS = """
            "items":[{"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01",\
            "name":"Enamel Camp Mug","unitPrice":{"amount":1199,"currency":"EUR"},"quantity":2}],\
            "createdAt":"2026-12-02T14:40:00.234567Z"}""";

    static final String RESERVED = "{\"orderId\":\"" + ORDER_ID + "\",\"status\":\"RESERVED\"," + ITEMS;

    static final String CONFIRMED = "{\"orderId\":\"" + ORDER_ID + "\",\"status\":\"CONFIRMED\"," + ITEMS;

    static final String RELEASED = "{\"orderId\":\"" + ORDER_ID + "\",\"status\":\"RELEASED\"," + ITEMS;

    static final String STOCK = """
            {"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","available":30,"reserved":0,"sold":0}""";

    private ReservationExamples() {
    }

}
