package com.acme.shop.order;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.shop.common.testing.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order API against its OpenAPI document (docs/api.md, "Spec tests"): the document is
 * valid OpenAPI 3.1, documents every route and nothing else (no route is ignored), and
 * each documented example request gets a documented answer whose body matches its schema.
 * <p>
 * The examples tell one story for one user: the Enamel Camp Mug (the id the examples
 * name) is in the catalog, the user has one earlier PAID order (the example order id) and
 * a mug in the cart. POSTs run first: add to the cart, check out (201 PAID), cancel the
 * earlier order (200 CANCELLED); then the reads; then the cart changes. Orders are
 * history and are never deleted (not even here), so a later test method finds the order
 * cancelled (cancelling it again answers it as it is) and the checkout replayed.
 */
class OpenApiContractIT extends OrderServerTestSupport {

    static final UUID USER = UUID.fromString("5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    static final UUID MUG = UUID.fromString("7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6");

    static final UUID ORDER = UUID.fromString("0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21");

    @Autowired
    ApplicationContext context;

    OpenApiContract contract;

    @BeforeEach
    void examplesStartFromAMugInTheCart() {
        db.sql("DELETE FROM orders.carts WHERE user_id = $1").bind(0, USER).then().block();
        PRODUCT.add(MUG, "MUG-ENAMEL-01", "Enamel Camp Mug", 1299, 25);
        if (count("SELECT count(*) FROM orders.orders WHERE id = $1", ORDER) == 0) {
            placedEarlier();
        }
        putItem(user(USER), MUG, 1).expectStatus().isOk();
        contract = OpenApiContract.of(context, port)
            .tokens(OpenApiContractIT::tokenFor)
            .recordTo(Path.of("target/openapi/order-calls.json"));
    }

    /**
     * The example order: PAID a minute ago for two mugs, reservation and charge in place.
     * Its number is outside what the order_numbers sequence produces (SO-year-digits), so
     * it cannot collide with an order a later test places in the same database.
     */
    private void placedEarlier() {
        PRODUCT.reserveDirectly(ORDER, MUG, 2);
        PAYMENT.record(ORDER, "SUCCEEDED", 2598);
        Instant then = Instant.now().minusSeconds(60);
        db.sql("""
                INSERT INTO orders.orders (id, number, user_id, idempotency_key, status, step, currency, total,
                    payment_status, payment_id, last4, created_at, updated_at, step_at)
                VALUES ($1, 'SO-2026-E00123', $2, 'checkout-example-earlier', 'PAID', 'DONE', 'EUR', 2598,
                    'SUCCEEDED', $3, '4242', $4, $4, $4)
                """).bind(0, ORDER).bind(1, USER).bind(2, PAYMENT.payment(ORDER).id()).bind(3, then).then().block();
        db.sql("""
                INSERT INTO orders.order_items (order_id, line, product_id, sku, name, unit_price, quantity)
                VALUES ($1, 1, $2, 'MUG-ENAMEL-01', 'Enamel Camp Mug', 1299, 2)
                """).bind(0, ORDER).bind(1, MUG).then().block();
    }

    /** The example user; an ADMIN token where an operation names ADMIN first. */
    private static String tokenFor(List<String> roles) {
        return !roles.isEmpty() && roles.get(0).equals(Roles.ADMIN) ? admin(USER) : user(USER);
    }

    @Test
    void servesAValidOpenApi31Document() {
        contract.writeSpec(Path.of("target/openapi/order.json"));
        contract.assertValid();
    }

    @Test
    void theDocumentIsPublicAndTheCheckoutRequiresItsKeyAndDocumentsItsOutcomes() {
        JsonNode checkout = contract.spec().path("paths").path("/api/orders").path("post");
        assertThat(contract.spec().path("info").path("title").asString()).isEqualTo("shop order");
        assertThat(checkout.path("operationId").asString()).isEqualTo("checkout");
        JsonNode key = checkout.path("parameters").get(0);
        assertThat(key.path("name").asString()).isEqualTo("Idempotency-Key");
        assertThat(key.path("required").asBoolean()).isTrue();
        assertThat(key.path("schema").path("type").asString()).isEqualTo("string");
        assertThat(checkout.path("responses").propertyNames()).contains("201", "400", "402", "409", "422", "503");
        assertThat(contract.spec()
            .path("paths")
            .path("/api/orders/{id}/cancel")
            .path("post")
            .path("responses")
            .propertyNames()).contains("200", "404", "409", "422");
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
