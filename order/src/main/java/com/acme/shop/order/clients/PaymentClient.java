package com.acme.shop.order.clients;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.common.idempotency.IdempotencyKeys;
import com.acme.shop.order.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The payment service (SERVICE token, audience {@code shop-payment}): charges keyed by
 * order id (also sent as {@code Idempotency-Key: charge-<orderId>}), lookups by order id,
 * refunds. The card goes into the request body only: never logged, never kept.
 */
public class PaymentClient {

    static final String AUDIENCE = "shop-payment";

    private final WebClient web;

    private final ServiceTokens tokens;

    public PaymentClient(WebClient.Builder builder, String baseUrl, ServiceTokens tokens) {
        this.web = builder.baseUrl(baseUrl).build();
        this.tokens = tokens;
    }

    /** A card for one charge. {@link #toString()} shows nothing of it. */
    public record Card(String number, String expiry, String cvc) {

        @Override
        public String toString() {
            return "Card[redacted]";
        }
    }

    /**
     * A payment as payment shows it: status SUCCEEDED, DECLINED or REFUNDED.
     */
    public record Payment(UUID id, UUID orderId, String status, Money amount, String last4, String declineCode,
            Instant createdAt) {

        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }

        public boolean declined() {
            return "DECLINED".equals(status);
        }

        public boolean refunded() {
            return "REFUNDED".equals(status);
        }
    }

    /** What a charge ended in (besides retryable failures). */
    public sealed interface ChargeOutcome permits Charged, Declined, Refused {

    }

    public record Charged(Payment payment) implements ChargeOutcome {
    }

    /** 402: {@code code} card_declined or insufficient_funds. */
    public record Declined(String code, String last4) implements ChargeOutcome {
    }

    /**
     * 400 (an invalid card) or 422 (this order already has another charge): nothing new
     * was charged.
     */
    public record Refused(int status) implements ChargeOutcome {
    }

    record DeclineProblem(String code, String last4) {
    }

    public Mono<ChargeOutcome> charge(UUID orderId, Money amount, Card card) {
        return tokens.token(AUDIENCE).flatMap(token -> web.post().uri("/internal/payments").headers(h -> {
            h.setBearerAuth(token);
            h.set(IdempotencyKeys.HEADER, "charge-" + orderId);
        })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("orderId", orderId.toString(), "amount", amount, "card",
                    Map.of("number", card.number(), "expiry", card.expiry(), "cvc", card.cvc())))
            .exchangeToMono(response -> {
                int status = response.statusCode().value();
                if (status == 402) {
                    return response.bodyToMono(DeclineProblem.class)
                        .map(problem -> (ChargeOutcome) new Declined(problem.code(), problem.last4()));
                }
                if (status == 400 || status == 422) {
                    return response.releaseBody().then(Mono.just((ChargeOutcome) new Refused(status)));
                }
                return ProductClient.expect(response, HttpStatus.CREATED,
                        r -> r.bodyToMono(Payment.class).map(payment -> (ChargeOutcome) new Charged(payment)));
            }));
    }

    /** The payment of an order in any status; empty when the order was never charged. */
    public Mono<Payment> find(UUID orderId) {
        return tokens.token(AUDIENCE)
            .flatMap(token -> web.get()
                .uri(uri -> uri.path("/internal/payments").queryParam("orderId", orderId).build())
                .headers(h -> h.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                        return response.releaseBody().then(Mono.<Payment>empty());
                    }
                    return ProductClient.expect(response, HttpStatus.OK, r -> r.bodyToMono(Payment.class));
                }));
    }

    /**
     * Refunds a payment in full (idempotent at payment: a refunded one is answered as
     * is).
     */
    public Mono<Payment> refund(UUID paymentId) {
        return tokens.token(AUDIENCE)
            .flatMap(token -> web.post().uri("/internal/payments/{id}/refund", paymentId).headers(h -> {
                h.setBearerAuth(token);
                h.set(IdempotencyKeys.HEADER, "refund-" + paymentId);
            })
                .exchangeToMono(
                        response -> ProductClient.expect(response, HttpStatus.OK, r -> r.bodyToMono(Payment.class))));
    }

}
