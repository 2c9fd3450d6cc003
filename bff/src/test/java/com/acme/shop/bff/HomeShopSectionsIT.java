package com.acme.shop.bff;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's sections of {@code /api/home} (issue 11): the featured products from product
 * (public catalog, never the caller's token) and the caller's latest orders from order
 * (with the caller's token), each degrading on its own when its service is down, slow,
 * failing or answering garbage, all fetched in parallel with auth and member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeShopSectionsIT {

    private static final Duration TIMEOUT = Duration.ofMillis(700);

    @RegisterExtension
    static final StubDownstreams stubs = new StubDownstreams();

    @LocalServerPort
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        stubs.register(registry);
        registry.add("shop.bff.member.timeout", TIMEOUT::toString);
        registry.add("shop.bff.product.timeout", TIMEOUT::toString);
        registry.add("shop.bff.order.timeout", TIMEOUT::toString);
        registry.add("shop.bff.latest-orders", () -> "3");
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(10))
            .build();
        stubs.forgetCalls();
    }

    @AfterEach
    void everythingBackUp() {
        stubs.allUp();
    }

    @Test
    void showsTheFeaturedProductsAndTheCallersLatestOrders() {
        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.userToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(false)
            .jsonPath("$.unavailable")
            .isEmpty()
            .jsonPath("$.featuredProducts.length()")
            .isEqualTo(3)
            .jsonPath("$.featuredProducts[0].id")
            .isEqualTo(StubDownstreams.MUG_ID)
            .jsonPath("$.featuredProducts[0].name")
            .isEqualTo("Enamel Camp Mug")
            .jsonPath("$.featuredProducts[0].price.amount")
            .isEqualTo(1999)
            .jsonPath("$.featuredProducts[0].price.currency")
            .isEqualTo("EUR")
            .jsonPath("$.featuredProducts[0].stock")
            .isEqualTo(25)
            .jsonPath("$.featuredProducts[0].imageUrl")
            .isEqualTo("/images/products/enamel-camp-mug.svg")
            .jsonPath("$.featuredProducts[0].description")
            .doesNotExist()
            .jsonPath("$.featuredProducts[1].imageUrl")
            .doesNotExist()
            .jsonPath("$.featuredProducts[2].name")
            .isEqualTo("Desk Lamp")
            .jsonPath("$.latestOrders.length()")
            .isEqualTo(2)
            .jsonPath("$.latestOrders[0].id")
            .isEqualTo(StubDownstreams.ORDER_ID)
            .jsonPath("$.latestOrders[0].number")
            .isEqualTo("SO-2026-000123")
            .jsonPath("$.latestOrders[0].status")
            .isEqualTo("PAID")
            .jsonPath("$.latestOrders[0].total.amount")
            .isEqualTo(3998)
            .jsonPath("$.latestOrders[0].currency")
            .isEqualTo("EUR")
            .jsonPath("$.latestOrders[0].createdAt")
            .isEqualTo("2026-12-02T13:40:12.345Z")
            .jsonPath("$.latestOrders[0].items")
            .doesNotExist()
            .jsonPath("$.latestOrders[1].status")
            .isEqualTo("PAYMENT_FAILED")
            .jsonPath("$.user.name")
            .isEqualTo("Ann Example")
            .jsonPath("$.session.subject")
            .isEqualTo(StubDownstreams.USER_ID.toString());

        assertThat(stubs.lastProductsQuery()).contains("page=0").contains("size=3").contains("sort=createdAt,desc");
        assertThat(stubs.order.received()).singleElement()
            .satisfies(request -> assertThat(request.uri()).contains("page=0").contains("size=3"));
    }

    @Test
    void forwardsTheCallersTokenToOrderAndNeverToProduct() {
        String token = stubs.adminToken();

        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.admin.memberCount")
            .isEqualTo(42)
            .jsonPath("$.latestOrders.length()")
            .isEqualTo(2)
            .jsonPath("$.featuredProducts.length()")
            .isEqualTo(3);

        assertThat(stubs.order.received()).singleElement()
            .satisfies(request -> assertThat(request.header("Authorization")).isEqualTo("Bearer " + token));
        assertThat(stubs.product.received()).singleElement().satisfies(request -> {
            assertThat(request.header("Authorization")).isNull();
            assertThat(request.headers().values()).noneMatch(value -> value.contains(token));
        });
    }

    @ParameterizedTest
    @EnumSource(value = ShopDownstream.Mode.class, names = { "DOWN", "SLOW", "ERROR", "GARBAGE" })
    void featuredProductsDegradeAloneWhenProductFails(ShopDownstream.Mode mode) {
        stubs.product.set(mode);
        long started = System.nanoTime();

        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(true)
            .jsonPath("$.unavailable.length()")
            .isEqualTo(1)
            .jsonPath("$.unavailable[0]")
            .isEqualTo("featuredProducts")
            .jsonPath("$.featuredProducts")
            .doesNotExist()
            .jsonPath("$.latestOrders.length()")
            .isEqualTo(2)
            .jsonPath("$.user.name")
            .isEqualTo("Ann Example")
            .jsonPath("$.session.subject")
            .isEqualTo(StubDownstreams.ADMIN_ID.toString())
            .jsonPath("$.admin.memberCount")
            .isEqualTo(42);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ShopDownstream.SLOW);
    }

    @ParameterizedTest
    @EnumSource(value = ShopDownstream.Mode.class, names = { "DOWN", "SLOW", "ERROR", "GARBAGE" })
    void latestOrdersDegradeAloneWhenOrderFails(ShopDownstream.Mode mode) {
        stubs.order.set(mode);
        long started = System.nanoTime();

        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.userToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(true)
            .jsonPath("$.unavailable.length()")
            .isEqualTo(1)
            .jsonPath("$.unavailable[0]")
            .isEqualTo("latestOrders")
            .jsonPath("$.latestOrders")
            .doesNotExist()
            .jsonPath("$.featuredProducts.length()")
            .isEqualTo(3)
            .jsonPath("$.user.name")
            .isEqualTo("Ann Example")
            .jsonPath("$.session.subject")
            .isEqualTo(StubDownstreams.USER_ID.toString());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ShopDownstream.SLOW);
    }

    @Test
    void productAndOrderComeBackByThemselvesAfterAnOutage() {
        stubs.product.set(ShopDownstream.Mode.DOWN);
        stubs.order.set(ShopDownstream.Mode.DOWN);
        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.userToken()))
            .exchange()
            .expectBody()
            .jsonPath("$.unavailable.length()")
            .isEqualTo(2)
            .jsonPath("$.unavailable[0]")
            .isEqualTo("featuredProducts")
            .jsonPath("$.unavailable[1]")
            .isEqualTo("latestOrders");

        stubs.allUp();

        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(stubs.userToken()))
            .exchange()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(false)
            .jsonPath("$.featuredProducts.length()")
            .isEqualTo(3)
            .jsonPath("$.latestOrders.length()")
            .isEqualTo(2);
    }

    @Test
    void anAnonymousCallerGetsTheProductsEvenWhileOrderIsDownAndOrderIsNotAsked() {
        stubs.order.set(ShopDownstream.Mode.DOWN);

        client.get()
            .uri("/api/home")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(false)
            .jsonPath("$.featuredProducts.length()")
            .isEqualTo(3)
            .jsonPath("$.latestOrders")
            .doesNotExist();

        assertThat(stubs.order.received()).isEmpty();
    }

    @Test
    void anAnonymousCallerSeesProductAsUnavailableWhenItFails() {
        stubs.product.set(ShopDownstream.Mode.ERROR);

        client.get()
            .uri("/api/home")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(true)
            .jsonPath("$.unavailable.length()")
            .isEqualTo(1)
            .jsonPath("$.unavailable[0]")
            .isEqualTo("featuredProducts");
    }

    /**
     * An admin's home makes five downstream calls (verify, profile, newest members,
     * products, orders), each answered after the same delay: fetched one after the other
     * they would take five delays; in parallel about one.
     */
    @Test
    void callsEveryDownstreamInParallel() {
        Duration delay = Duration.ofMillis(300);
        String token = stubs.adminToken();
        // warm up: connections, JIT and the token cache, so that the timed call measures
        // the fan-out only
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/home").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
        }
        stubs.delay.set(delay);
        stubs.forgetCalls();

        long started = System.nanoTime();
        client.get()
            .uri("/api/home")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.degraded")
            .isEqualTo(false);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        int calls = stubs.requestIds().size();
        assertThat(calls).isEqualTo(5);
        Duration sequential = delay.multipliedBy(calls);
        assertThat(took).isGreaterThanOrEqualTo(delay);
        assertThat((double) took.toNanos() / sequential.toNanos()).as("time taken / sum of the downstream delays")
            .isLessThan(0.5);
    }

}
