package com.acme.shop.payment;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.acme.shop.common.testing.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The payment API against its OpenAPI document (docs/api.md, "Spec tests"): the document
 * is valid OpenAPI 3.1, documents every route and nothing else, and each documented
 * example request gets a documented answer whose body matches its schema. Every operation
 * needs a SERVICE token (order's).
 */
class OpenApiContractIT extends PaymentServerTestSupport {

    static final UUID CHARGED_ORDER = UUID.fromString(PaymentExamples.CHARGED_ORDER_ID);

    static final UUID PAYMENT = UUID.fromString(PaymentExamples.PAYMENT_ID);

    static final UUID PAYMENT_ORDER = UUID.fromString(PaymentExamples.PAYMENT_ORDER_ID);

    @Autowired
    ApplicationContext context;

    OpenApiContract contract;

    /**
     * The examples' story starts from scratch: order 0b8f3c1e… has no payment yet,
     * payment 5d0c2f7a… (SUCCEEDED, 19.99 EUR) exists.
     */
    @BeforeEach
    void examplesStartFromScratch() {
        db.sql("DELETE FROM payment.payments WHERE id = :id OR order_id IN (:orders)")
            .bind("id", PAYMENT)
            .bind("orders", List.of(CHARGED_ORDER, PAYMENT_ORDER))
            .then()
            .block();
        db.sql("""
                INSERT INTO payment.payments (id, order_id, status, amount, currency, last4, fingerprint, created_at)
                VALUES (:id, :order, 'SUCCEEDED', 1999, 'EUR', '4242',
                    '3b5f0c8e9d1a2b4c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', '2026-12-01T09:00:00Z')""")
            .bind("id", PAYMENT)
            .bind("order", PAYMENT_ORDER)
            .then()
            .block();
        contract = OpenApiContract.of(context, port)
            .tokens(roles -> serviceToken())
            .recordTo(Path.of("target/openapi/payment-calls.json"));
    }

    @Test
    void servesAValidOpenApi31Document() {
        contract.writeSpec(Path.of("target/openapi/payment.json"));
        contract.assertValid();
    }

    @Test
    void documentsEveryRouteAndEveryDocumentedOperationAnswers() {
        contract.assertMatchesRoutes();
    }

    @Test
    void everyExampleRequestGetsADocumentedAnswerMatchingItsSchema() {
        contract.assertExamplesConform();
    }

}
