package com.acme.shop.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
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
 * Runs the payment service on a random port against real PostgreSQL (a fresh database per
 * context) and Redis from {@code TestInfra}, with tokens from {@link TestTokens}: the
 * SERVICE token order uses (audience {@code shop-payment}). Subclasses with the same
 * properties share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PaymentServerTestSupport {

    static final TestTokens TOKENS = TestTokens.shared();

    static final String PAYMENTS = "/internal/payments";

    /** A card that stays valid: two years from now. */
    static final String EXPIRY = YearMonth.now(ZoneOffset.UTC)
        .plusYears(2)
        .format(DateTimeFormatter.ofPattern("MM/yy"));

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    WebTestClient http;

    private static Map<String, String> infra;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        synchronized (PaymentServerTestSupport.class) {
            if (infra == null) {
                Map<String, String> properties = new LinkedHashMap<>(TestDatabases.create("payment_it"));
                try {
                    properties.put("shop.payment.key-dir", Files.createTempDirectory("payment-keys").toString());
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                infra = properties;
            }
        }
        infra.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.jwks-uri", TOKENS::jwksUri);
    }

    @BeforeEach
    void client() {
        // generous: the first calls after start-up are slow on a busy 2-core machine
        http = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    /** The token order's calls carry: role SERVICE, audience shop-payment, 60 s. */
    static String serviceToken() {
        return TOKENS.token("service:order")
            .roles("SERVICE")
            .audiences("shop-payment")
            .email(null)
            .expiresAt(Instant.now().plusSeconds(60))
            .sign();
    }

    /** A charge body as order sends it. */
    static Map<String, Object> charge(UUID orderId, long amount, String cardNumber) {
        return charge(orderId.toString(), amount, "EUR", cardNumber, EXPIRY, "123");
    }

    static Map<String, Object> charge(String orderId, Object amount, String currency, String number, String expiry,
            String cvc) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", amount);
        money.put("currency", currency);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", number);
        card.put("expiry", expiry);
        card.put("cvc", cvc);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("amount", money);
        body.put("card", card);
        return body;
    }

    WebTestClient.ResponseSpec postCharge(Object body) {
        return postCharge(body, null);
    }

    WebTestClient.ResponseSpec postCharge(Object body, String idempotencyKey) {
        return http.post().uri(PAYMENTS).headers(h -> {
            h.setBearerAuth(serviceToken());
            if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec refund(UUID paymentId) {
        return http.post()
            .uri(PAYMENTS + "/{id}/refund", paymentId)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange();
    }

    long countPayments(UUID orderId) {
        return db.sql("SELECT count(*) AS n FROM payment.payments WHERE order_id = :orderId")
            .bind("orderId", orderId)
            .map(row -> row.get("n", Long.class))
            .one()
            .block();
    }

    String storedStatus(UUID orderId) {
        return db.sql("SELECT status FROM payment.payments WHERE order_id = :orderId")
            .bind("orderId", orderId)
            .map(row -> row.get("status", String.class))
            .one()
            .block();
    }

}
