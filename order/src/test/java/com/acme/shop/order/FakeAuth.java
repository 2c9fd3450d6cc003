package com.acme.shop.order;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;

/**
 * auth's service-token endpoint for the tests: {@code POST /internal/service-tokens} with
 * the right Basic credentials gives {@code svc-<audience>-<n>} tokens (which the fake
 * product and payment accept), valid 60 s.
 */
public final class FakeAuth implements AutoCloseable {

    public static final String SECRET = "order-test-secret-0123456789-abcdefghij";

    private final StubServer server = StubServer.start();

    private final AtomicInteger issued = new AtomicInteger();

    public FakeAuth() {
        String expected = "Basic "
                + Base64.getEncoder().encodeToString(("order:" + SECRET).getBytes(StandardCharsets.UTF_8));
        server.on("POST", "/internal/service-tokens", request -> {
            if (!expected.equals(request.header("Authorization"))) {
                return Reply.json(401, "{\"status\":401}");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = FakeProduct.JSON.readValue(request.body(), Map.class);
            return Reply.json(200,
                    FakeProduct.JSON.writeValueAsString(
                            Map.of("access_token", "svc-" + body.get("audience") + "-" + issued.incrementAndGet(),
                                    "token_type", "Bearer", "expires_in", 60)));
        });
    }

    public String url() {
        return server.url();
    }

    public int issued() {
        return issued.get();
    }

    @Override
    public void close() {
        server.close();
    }

}
