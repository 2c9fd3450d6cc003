package com.acme.shop.payment;

/**
 * The examples of the payment API document: order 0b8f3c1e… is charged by the
 * {@code POST} example; payment 5d0c2f7a… (of order 9a7b6c5d…) is read and refunded.
 */
final class PaymentExamples {

    static final String CHARGED_ORDER_ID = "0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21";

    static final String PAYMENT_ID = "5d0c2f7a-3b1e-4c1d-8f00-6a7b8c9d0e1f";

    static final String PAYMENT_ORDER_ID = "9a7b6c5d-4e3f-4a1b-8c2d-0e1f2a3b4c5d";

    static final String CHARGE_REQUEST = """
            {"orderId":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21","amount":{"amount":2398,"currency":"EUR"},\
            "card":{"number":"4242 4242 4242 4242","expiry":"12/30","cvc":"123"}}""";

    static final String CHARGED = """
            {"id":"2e4c6a8b-1d3f-4a5b-9c7d-8e0f1a2b3c4d","orderId":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21",\
            "status":"SUCCEEDED","amount":{"amount":2398,"currency":"EUR"},"last4":"4242",\
            "fingerprint":"3b5f0c8e9d1a2b4c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",\
            "createdAt":"2026-12-02T14:40:00.123456Z"}""";

    static final String REFUNDED = """
            {"id":"5d0c2f7a-3b1e-4c1d-8f00-6a7b8c9d0e1f","orderId":"9a7b6c5d-4e3f-4a1b-8c2d-0e1f2a3b4c5d",\
            "status":"REFUNDED","amount":{"amount":1999,"currency":"EUR"},"last4":"4242",\
            "fingerprint":"3b5f0c8e9d1a2b4c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",\
            "createdAt":"2026-12-01T09:00:00Z","refundedAt":"2026-12-02T14:40:00.345678Z"}""";

    private PaymentExamples() {
    }

}
