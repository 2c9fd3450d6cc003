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
            "degraded":false,"unavailable":[]}""";

    static final String DEGRADED = """
            {"user":null,"session":{"subject":"11111111-1111-1111-1111-111111111111","roles":["USER"],\
            "issuedAt":"2026-12-02T13:47:47Z","expiresAt":"2026-12-02T13:52:37Z"},"admin":null,"degraded":true,\
            "unavailable":["user"]}""";

    private HomeExamples() {
    }

}
