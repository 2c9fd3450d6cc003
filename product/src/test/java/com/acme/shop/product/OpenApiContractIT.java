package com.acme.shop.product;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.acme.shop.common.testing.OpenApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The product API against its OpenAPI document (docs/api.md, "Spec tests"): the document
 * is valid OpenAPI 3.1, documents every route and nothing else, and each documented
 * example request gets a documented answer whose body matches its schema.
 */
class OpenApiContractIT extends ProductServerTestSupport {

    @Autowired
    ApplicationContext context;

    OpenApiContract contract;

    static final UUID MUG = UUID.fromString("7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6");

    static final UUID ORDER = UUID.fromString("0f8e3c52-7a1d-4b6e-9c2f-3d4e5f607182");

    /**
     * The examples' story starts from scratch: the Enamel Camp Mug (version 0, 25 in
     * stock) exists, the Linen Tea Towel and the example order's reservation do not.
     */
    @BeforeEach
    void examplesStartFromScratch() {
        db.sql("DELETE FROM product.reservation_items WHERE order_id = :order OR product_id = :mug")
            .bind("order", ORDER)
            .bind("mug", MUG)
            .then()
            .block();
        db.sql("DELETE FROM product.reservations WHERE order_id = :order").bind("order", ORDER).then().block();
        db.sql("DELETE FROM product.products WHERE id = :mug OR sku IN ('MUG-ENAMEL-01', 'TOWEL-LINEN-01')")
            .bind("mug", MUG)
            .then()
            .block();
        db.sql("""
                INSERT INTO product.products (id, sku, name, description, price_amount, currency, stock, image_url,
                    created_at, updated_at)
                VALUES (:mug, 'MUG-ENAMEL-01', 'Enamel Camp Mug', 'A 350 ml steel mug with a speckled enamel finish.',
                    1299, 'EUR', 25, '/images/products/enamel-camp-mug.svg', '2026-12-01T09:00:00Z',
                    '2026-12-01T09:00:00Z')""").bind("mug", MUG).then().block();
        contract = OpenApiContract.of(context, port)
            .tokens(OpenApiContractIT::tokenFor)
            .runFirst("PUT /api/products/{id}")
            .recordTo(Path.of("target/openapi/product-calls.json"));
    }

    /** A token for the first documented role: ADMIN, SERVICE (order) or USER. */
    private static String tokenFor(List<String> roles) {
        return switch (roles.isEmpty() ? "" : roles.get(0)) {
            case "ADMIN" -> adminToken();
            case "SERVICE" -> serviceToken();
            default -> userToken();
        };
    }

    @Test
    void servesAValidOpenApi31Document() {
        contract.writeSpec(Path.of("target/openapi/product.json"));
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
