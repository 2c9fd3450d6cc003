package com.acme.shop.order.cart;

/**
 * The examples of the cart API document, shaped like real answers (the spec test sends
 * every request example and records the answers in
 * {@code target/openapi/order-calls.json}).
 */
final class CartExamples {

    /** The Enamel Camp Mug, the product the examples put in the cart. */
    static final String MUG_ID = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6";

    static final String QUANTITY_REQUEST = """
            {"quantity":2}""";

    static final String ADD_REQUEST = """
            {"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","quantity":1}""";

    static final String TOO_MANY = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"Only 3 of Enamel Camp Mug in stock (2 in your cart already).","instance":"/api/cart/items",\
            "productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","available":3,"inCart":2}""";

    static final String CART = """
            {"items":[{"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","name":"Enamel Camp Mug",\
            "unitPrice":{"amount":1299,"currency":"EUR"},"quantity":2,"lineTotal":{"amount":2598,"currency":"EUR"},\
            "imageUrl":"/images/products/enamel-camp-mug.svg","stock":25}],"total":{"amount":2598,"currency":"EUR"},\
            "itemCount":2,"version":4}""";

    static final String EMPTY = """
            {"items":[],"total":{"amount":0,"currency":"EUR"},"itemCount":0,"version":5}""";

    private CartExamples() {
    }

}
