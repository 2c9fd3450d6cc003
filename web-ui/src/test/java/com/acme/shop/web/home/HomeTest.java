package com.acme.shop.web.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.shop.web.catalog.Product;
import com.acme.shop.web.money.Money;

import tools.jackson.databind.json.JsonMapper;

class HomeTest {

    @Test
    void withoutAnAnswerFromTheBffEverySectionIsUnavailable() {
        Home home = Home.unavailableEverything();

        assertThat(home.featuredProductsUnavailable()).isTrue();
        assertThat(home.latestOrdersUnavailable()).isTrue();
        assertThat(home.isUnavailable("featuredProducts")).isTrue();
        assertThat(home.isUnavailable("latestOrders")).isTrue();
        assertThat(home.degraded()).isTrue();
    }

    @Test
    void namesTheUnavailableSectionsForReaders() {
        Home home = new Home(null, null, null, null, null, true,
                List.of("user", "session", "admin", "featuredProducts", "latestOrders", "future"));

        assertThat(home.unavailableNames()).containsExactly("your profile", "session details", "member summary",
                "featured products", "latest orders", "future");
    }

    /** The bff's answer as its OpenAPI example shows it (HomeExamples.USER). */
    @Test
    void readsTheBffsAnswerIntoCatalogCardsAndOrders() {
        Home home = JsonMapper.shared().readValue("""
                {"user":{"id":"11111111-1111-1111-1111-111111111111","email":"ann@example.com","name":"Ann Example",
                "phone":null,"roles":["USER"]},"session":{"subject":"11111111-1111-1111-1111-111111111111",
                "roles":["USER"],"issuedAt":"2026-12-02T13:47:49Z","expiresAt":"2026-12-02T13:52:37Z"},"admin":null,
                "featuredProducts":[{"id":"7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6","sku":"MUG-ENAMEL-01",
                "name":"Enamel Camp Mug","price":{"amount":1999,"currency":"EUR"},"stock":25,
                "imageUrl":"/images/products/enamel-camp-mug.svg"},{"id":"5eed0000-0000-4000-8000-000000000002",
                "sku":"TOTE-CANVAS-01","name":"Canvas Tote Bag","price":{"amount":2450,"currency":"EUR"},"stock":0,
                "imageUrl":null}],"latestOrders":[{"id":"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21",
                "number":"SO-2026-000123","status":"PAID","total":{"amount":3998,"currency":"EUR"},"currency":"EUR",
                "createdAt":"2026-12-02T13:40:12.345Z"}],"degraded":false,"unavailable":[]}""", Home.class);

        assertThat(home.featuredProductCards()).extracting(Product::name, Product::stockText, Product::safeImageUrl)
            .containsExactly(tuple("Enamel Camp Mug", "In stock", "/images/products/enamel-camp-mug.svg"),
                    tuple("Canvas Tote Bag", "Sold out", null));
        assertThat(home.featuredProductCards().get(0).price()).isEqualTo(new Money(1999, "EUR"));
        assertThat(home.latestOrders()).singleElement().satisfies(order -> {
            assertThat(order.number()).isEqualTo("SO-2026-000123");
            assertThat(order.statusText()).isEqualTo("Paid");
            assertThat(order.createdDate()).isEqualTo("2026-12-02");
            assertThat(order.total()).isEqualTo(new Money(3998, "EUR"));
        });
    }

    @Test
    void aFeaturedProductWithoutStockReadsAsSoldOut() {
        Home.FeaturedProduct product = new Home.FeaturedProduct("id", "SKU", "Name", new Money(1, "EUR"), null, null);

        assertThat(product.card().soldOut()).isTrue();
    }

    @Test
    void emptyListsAreAnswersNotOutages() {
        Home home = new Home(null, null, null, List.of(), List.of(), false, null);

        assertThat(home.featuredProductsUnavailable()).isFalse();
        assertThat(home.latestOrdersUnavailable()).isFalse();
        assertThat(home.unavailable()).isEmpty();
    }

}
