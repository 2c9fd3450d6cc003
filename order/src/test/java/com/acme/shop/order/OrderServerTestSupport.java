package com.acme.shop.order;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.common.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the order service on a random port against real PostgreSQL (a fresh database) and
 * Redis from {@code TestInfra}, with user tokens from {@link TestTokens} (audience
 * {@code shop-order}) and fakes of auth's service tokens, product and payment that keep
 * those services' contracts. Short deadlines so failure paths end within seconds; the
 * periodic recovery run is off (tests run it by hand). Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OrderServerTestSupport {

    protected static final TestTokens TOKENS = TestTokens.shared();

    protected static final FakeAuth AUTH = new FakeAuth();

    protected static final FakeProduct PRODUCT = new FakeProduct();

    protected static final FakePayment PAYMENT = new FakePayment();

    protected static final String GOOD_CARD = "4242 4242 4242 4242";

    protected static final String DECLINED_CARD = "4000 0000 0000 0002";

    protected static final String NO_FUNDS_CARD = "4000 0000 0000 9995";

    protected static final String PROCESSOR_ERROR_CARD = "4000 0000 0000 0119";

    private static Map<String, String> database;

    @LocalServerPort
    protected int port;

    @Autowired
    protected DatabaseClient db;

    protected WebTestClient http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        synchronized (OrderServerTestSupport.class) {
            if (database == null) {
                database = TestDatabases.create("order_it");
            }
        }
        database.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", TOKENS::jwksUri);
        registry.add("shop.order.auth-url", AUTH::url);
        registry.add("shop.order.product-url", PRODUCT::url);
        registry.add("shop.order.payment-url", PAYMENT::url);
        registry.add("shop.order.service-secret", () -> FakeAuth.SECRET);
        registry.add("shop.order.call-timeout", () -> "1s");
        registry.add("shop.order.checkout-deadline", () -> "2s");
        registry.add("shop.order.recovery-after", () -> "3s");
        registry.add("shop.order.recovery-interval", () -> "0s");
        registry.add("shop.order.duplicate-wait", () -> "15s");
    }

    /** Spring properties of the test database (and Redis) this context uses. */
    protected static Map<String, String> databaseProperties() {
        return database;
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
        PRODUCT.down(false);
        PRODUCT.reserveDelay(Duration.ZERO);
        PAYMENT.reset();
    }

    protected static String user(UUID id) {
        return TOKENS.token(id).audiences("shop-order").sign();
    }

    protected static String admin(UUID id) {
        return TOKENS.token(id).roles("USER", "ADMIN").audiences("shop-order").sign();
    }

    protected WebTestClient.ResponseSpec putItem(String token, UUID productId, int quantity) {
        return http.put()
            .uri("/api/cart/items/{id}", productId)
            .headers(h -> h.setBearerAuth(token))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("quantity", quantity))
            .exchange();
    }

    protected WebTestClient.ResponseSpec checkout(String token, String key, String card) {
        return http.post().uri("/api/orders").headers(h -> {
            h.setBearerAuth(token);
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("payment", Map.of("cardNumber", card, "expiry", "12/39", "cvc", "123")))
            .exchange();
    }

    protected long count(String sql, Object... bindings) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (int i = 0; i < bindings.length; i++) {
            spec = spec.bind(i, bindings[i]);
        }
        return spec.map(row -> row.get(0, Long.class)).one().block();
    }

    protected long ordersOf(UUID user) {
        return count("SELECT count(*) FROM orders.orders WHERE user_id = $1", user);
    }

    protected String status(UUID order) {
        return db.sql("SELECT status FROM orders.orders WHERE id = $1")
            .bind(0, order)
            .map(row -> row.get(0, String.class))
            .one()
            .block();
    }

    protected String step(UUID order) {
        return db.sql("SELECT step FROM orders.orders WHERE id = $1")
            .bind(0, order)
            .map(row -> row.get(0, String.class))
            .one()
            .block();
    }

}
