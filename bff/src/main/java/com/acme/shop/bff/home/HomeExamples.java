package com.acme.shop.bff.home;

/**
 * Answers of {@code GET /api/home} as real calls gave them (bff {@code OpenApiContractIT}
 * records its calls in {@code target/openapi/bff-calls.json} and
 * {@code bff-degraded-calls.json}).
 */
final class HomeExamples {

    static final String USER = """
            {"user":{"id":"11111111-1111-1111-1111-111111111111","email":"ann@example.com","name":"Ann Example",\
            "phone":null,"roles":["USER"]},"session":{"subject":"11111111-1111-1111-1111-111111111111",\
            "roles":["USER"],"issuedAt":"2026-12-02T13:47:49Z","expiresAt":"2026-12-02T13:52:37Z"},"admin":null,\
            "featuredProducts":[{"id":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01",\
            "name":"Enamel Camp Mug","price":{"amount":1999,"currency":"EUR"},"stock":25,\
            "imageUrl":"/images/products/enamel-camp-mug.svg"},{"id":"5eed0000-0000-4000-8000-000000000002",\
            "sku":"TOTE-CANVAS-01","name":"Canvas Tote Bag","price":{"amount":2450,"currency":"EUR"},"stock":0,\
            "imageUrl":null}],"latestOrders":[{"id":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21",\
            "number":"SO-2026-000123","status":"PAID","total":{"amount":3998,"currency":"EUR"},"currency":"EUR",\
            "createdAt":"2026-12-02T13:40:12.345Z"}],"degraded":false,"unavailable":[]}""";

    static final String DEGRADED = """
            {"user":null,"session":{"subject":"11111111-1111-1111-1111-111111111111","roles":["USER"],\
            "issuedAt":"2026-12-02T13:47:47Z","expiresAt":"2026-12-02T13:52:37Z"},"admin":null,\
            "featuredProducts":null,"latestOrders":[{"id":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21",\
            "number":"SO-2026-000123","status":"PAID","total":{"amount":3998,"currency":"EUR"},"currency":"EUR",\
            "createdAt":"2026-12-02T13:40:12.345Z"}],"degraded":true,"unavailable":["user","featuredProducts"]}""";

    static final String ANONYMOUS = """
            {"user":null,"session":null,"admin":null,"featuredProducts":[{"id":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6",\
            "sku":"MUG-ENAMEL-01","name":"Enamel Camp Mug","price":{"amount":1999,"currency":"EUR"},"stock":25,\
            "imageUrl":"/images/products/enamel-camp-mug.svg"}],"latestOrders":null,"degraded":false,\
            "unavailable":[]}""";

    private HomeExamples() {
    }

}
