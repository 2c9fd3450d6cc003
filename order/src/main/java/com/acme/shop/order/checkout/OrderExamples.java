package com.acme.shop.order.checkout;

/**
 * The examples of the order API document, shaped like real answers (the spec test sends
 * every request example and records the answers in
 * {@code target/openapi/order-calls.json}).
 */
final class OrderExamples {

    /** The example order (an earlier purchase of two Enamel Camp Mugs). */
    static final String ORDER_ID = "0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21";

    static final String CHECKOUT_KEY = "checkout-5f1c9a7e-2b3d-4e8f-9a01-b2c3d4e5f607";

    static final String CANCEL_KEY = "cancel-0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21";

    static final String CHECKOUT_REQUEST = """
            {"payment":{"cardNumber":"4242 4242 4242 4242","expiry":"12/30","cvc":"123"}}""";

    static final String PLACED = """
            {"id":"3c9d2b7e-8f41-4a65-b0d2-7e19c5a3f846","number":"SO-2026-000124","status":"PAID",\
            "items":[{"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01",\
            "name":"Enamel Camp Mug","unitPrice":{"amount":1299,"currency":"EUR"},"quantity":1,\
            "lineTotal":{"amount":1299,"currency":"EUR"}}],"total":{"amount":1299,"currency":"EUR"},\
            "currency":"EUR","payment":{"status":"SUCCEEDED","last4":"4242"},\
            "createdAt":"2026-12-02T14:41:07.219845Z","updatedAt":"2026-12-02T14:41:07.402117Z"}""";

    static final String PAID = """
            {"id":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21","number":"SO-2026-000123","status":"PAID",\
            "items":[{"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01",\
            "name":"Enamel Camp Mug","unitPrice":{"amount":1299,"currency":"EUR"},"quantity":2,\
            "lineTotal":{"amount":2598,"currency":"EUR"}}],"total":{"amount":2598,"currency":"EUR"},\
            "currency":"EUR","payment":{"status":"SUCCEEDED","last4":"4242"},\
            "createdAt":"2026-12-02T14:40:07.512093Z","updatedAt":"2026-12-02T14:40:07.512093Z"}""";

    static final String CANCELLED = """
            {"id":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21","number":"SO-2026-000123","status":"CANCELLED",\
            "items":[{"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01",\
            "name":"Enamel Camp Mug","unitPrice":{"amount":1299,"currency":"EUR"},"quantity":2,\
            "lineTotal":{"amount":2598,"currency":"EUR"}}],"total":{"amount":2598,"currency":"EUR"},\
            "currency":"EUR","payment":{"status":"REFUNDED","last4":"4242"},\
            "createdAt":"2026-12-02T14:40:07.512093Z","updatedAt":"2026-12-02T14:41:08.030551Z"}""";

    static final String PAGE = """
            {"content":[{"id":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21","number":"SO-2026-000123","status":"PAID",\
            "items":[{"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01",\
            "name":"Enamel Camp Mug","unitPrice":{"amount":1299,"currency":"EUR"},"quantity":2,\
            "lineTotal":{"amount":2598,"currency":"EUR"}}],"total":{"amount":2598,"currency":"EUR"},\
            "currency":"EUR","payment":{"status":"SUCCEEDED","last4":"4242"},\
            "createdAt":"2026-12-02T14:40:07.512093Z","updatedAt":"2026-12-02T14:40:07.512093Z"}],\
            "page":{"size":20,"number":0,"totalElements":1,"totalPages":1}}""";

    static final String DECLINED = """
            {"type":"about:blank","title":"Payment Required","status":402,"detail":"The card was declined.",\
            "instance":"/api/orders","code":"card_declined","orderId":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21",\
            "number":"SO-2026-000123"}""";

    static final String OUT_OF_STOCK = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"Not enough stock for: Enamel Camp Mug. Nothing was charged.","instance":"/api/orders",\
            "code":"out_of_stock","shortages":[{"productId":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6",\
            "name":"Enamel Camp Mug","requested":3,"available":1,"reason":"INSUFFICIENT_STOCK"}]}""";

    private OrderExamples() {
    }

}
