package com.acme.shop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stock reservations the order service makes (invariants 1, 2 and 4 on product's
 * side).
 */
class ReservationIT extends ProductServerTestSupport {

    @Test
    void reservesWithTheCurrentNameAndPriceAndTheSameOrderIdAgainTakesNothing() {
        UUID mug = createProduct("Reserved Mug", 1299, 10);
        UUID pot = createProduct("Reserved Pot", 2500, 3);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = reservation(orderId, Map.of(mug, 2, pot, 3));

        Map<String, Object> first = reserve(body).expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(HttpHeaders.LOCATION, "/internal/reservations/" + orderId)
            .expectBody(JSON)
            .returnResult()
            .getResponseBody();
        assertThat(first).containsEntry("orderId", orderId.toString())
            .containsEntry("status", "RESERVED")
            .containsKey("createdAt");
        assertThat(items(first)).hasSize(2)
            .anySatisfy(item -> assertThat(item).containsEntry("productId", mug.toString())
                .containsEntry("name", "Reserved Mug")
                .containsEntry("unitPrice", Map.of("amount", 1299, "currency", "EUR"))
                .containsEntry("quantity", 2)
                .containsKey("sku"));
        assertThat(stock(mug)).isEqualTo(8);
        assertThat(stock(pot)).isZero();

        Map<String, Object> again = reserve(body).expectStatus()
            .isOk()
            .expectBody(JSON)
            .returnResult()
            .getResponseBody();
        assertThat(again).isEqualTo(first);
        assertThat(stock(mug)).isEqualTo(8);
        assertThat(stock(pot)).isZero();

        get(orderId).expectStatus().isOk().expectBody(JSON).value(read -> assertThat(read).isEqualTo(first));
    }

    @Test
    void twentyConcurrentReservationsOfOneOrderDecrementOnce() {
        UUID product = createProduct("Contended", 700, 50);
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = reservation(orderId, Map.of(product, 3));

        List<Integer> statuses = concurrently(20, i -> body);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(19);
        assertThat(stock(product)).isEqualTo(47);
        assertThat(rows("SELECT count(*) AS n FROM product.reservation_items WHERE order_id = '" + orderId + "'"))
            .isEqualTo(1);
    }

    @Test
    void tenBuyersForTheLastItemGetOneReservationAndNineConflicts() {
        UUID lastOne = createProduct("Last One", 9900, 1);

        List<Integer> statuses = concurrently(10, i -> reservation(UUID.randomUUID(), Map.of(lastOne, 1)));

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(9);
        assertThat(stock(lastOne)).isZero();
        assertThat(levels(lastOne)).containsEntry("available", 0).containsEntry("reserved", 1).containsEntry("sold", 0);
    }

    @Test
    void refusesAllLinesWhenOneIsShortAndNamesTheShortages() {
        UUID plenty = createProduct("Plenty", 100, 10);
        UUID scarce = createProduct("Scarce", 100, 2);
        UUID deleted = createProduct("Deleted", 100, 5);
        http.delete()
            .uri("/api/products/{id}", deleted)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNoContent();
        UUID unknown = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();

        Map<String, Object> problem = reserve(
                reservation(orderId, Map.of(plenty, 4, scarce, 3, deleted, 1, unknown, 1)))
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(JSON)
            .returnResult()
            .getResponseBody();

        List<Map<String, Object>> shortages = (List<Map<String, Object>>) problem.get("shortages");
        assertThat(shortages).containsExactlyInAnyOrder(
                Map.of("productId", scarce.toString(), "requested", 3, "available", 2, "reason", "INSUFFICIENT_STOCK"),
                Map.of("productId", deleted.toString(), "requested", 1, "available", 0, "reason", "NOT_AVAILABLE"),
                Map.of("productId", unknown.toString(), "requested", 1, "available", 0, "reason", "NOT_AVAILABLE"));
        assertThat((String) problem.get("detail")).contains(scarce.toString());
        assertThat(stock(plenty)).isEqualTo(10);
        assertThat(stock(scarce)).isEqualTo(2);
        get(orderId).expectStatus().isNotFound();

        // the order id was not used up: a smaller order under the same id succeeds
        reserve(reservation(orderId, Map.of(plenty, 4, scarce, 2))).expectStatus().isCreated();
        assertThat(stock(plenty)).isEqualTo(6);
        assertThat(stock(scarce)).isZero();
    }

    @Test
    void theSameOrderIdWithOtherItemsIsUnprocessable() {
        UUID product = createProduct("Fixed Lines", 100, 10);
        UUID orderId = UUID.randomUUID();
        reserve(reservation(orderId, Map.of(product, 1))).expectStatus().isCreated();

        reserve(reservation(orderId, Map.of(product, 2))).expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stock(product)).isEqualTo(9);
    }

    @Test
    void validatesTheRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", "nope");
        body.put("items", List.of(Map.of("productId", "x", "quantity", 0)));
        reserve(body).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[*].field")
            .value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("orderId",
                    "items[0].productId", "items[0].quantity"));
        reserve(Map.of("orderId", UUID.randomUUID().toString(), "items", List.of())).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("items");
        UUID product = UUID.randomUUID();
        reserve(Map.of("orderId", UUID.randomUUID().toString(), "items",
                List.of(Map.of("productId", product.toString(), "quantity", 1),
                        Map.of("productId", product.toString(), "quantity", 2))))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("items[1].productId");
        http.get()
            .uri("/internal/reservations/not-a-uuid")
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    @Test
    void confirmIsIdempotentAndAReleasedReservationCannotBeConfirmed() {
        UUID product = createProduct("Confirmable", 100, 5);
        UUID paid = UUID.randomUUID();
        reserve(reservation(paid, Map.of(product, 2))).expectStatus().isCreated();

        action(paid, "confirm").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        action(paid, "confirm").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        assertThat(levels(product)).containsEntry("available", 3).containsEntry("reserved", 0).containsEntry("sold", 2);

        UUID failed = UUID.randomUUID();
        reserve(reservation(failed, Map.of(product, 1))).expectStatus().isCreated();
        action(failed, "release").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RELEASED");
        action(failed, "confirm").expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        UUID unknown = UUID.randomUUID();
        action(unknown, "confirm").expectStatus().isNotFound();
        action(unknown, "release").expectStatus().isNotFound();
        get(unknown).expectStatus().isNotFound();
    }

    @Test
    void concurrentReleasesReturnTheStockOnce() {
        UUID product = createProduct("Released", 100, 10);
        UUID failedPayment = UUID.randomUUID();
        reserve(reservation(failedPayment, Map.of(product, 4))).expectStatus().isCreated();
        assertThat(stock(product)).isEqualTo(6);

        List<Integer> statuses = Flux.range(0, 20)
            .flatMap(i -> post("/internal/reservations/" + failedPayment + "/release", null), 20)
            .collectList()
            .block(Duration.ofSeconds(60));

        assertThat(statuses).containsOnly(200);
        assertThat(stock(product)).isEqualTo(10);

        // a paid order that is cancelled: CONFIRMED → RELEASED gives the sold units back,
        // once
        UUID cancelled = UUID.randomUUID();
        reserve(reservation(cancelled, Map.of(product, 3))).expectStatus().isCreated();
        action(cancelled, "confirm").expectStatus().isOk();
        assertThat(stock(product)).isEqualTo(7);
        List<Integer> again = Flux.range(0, 10)
            .flatMap(i -> post("/internal/reservations/" + cancelled + "/release", null), 10)
            .collectList()
            .block(Duration.ofSeconds(60));
        assertThat(again).containsOnly(200);
        assertThat(stock(product)).isEqualTo(10);
        assertThat(levels(product)).containsEntry("available", 10)
            .containsEntry("reserved", 0)
            .containsEntry("sold", 0);
    }

    @Test
    void unitsAreConservedUnderConcurrentReserveConfirmAndRelease() {
        UUID a = createProduct("Conserved A", 100, 15);
        UUID b = createProduct("Conserved B", 100, 15);
        List<UUID> orders = Flux.range(0, 40).map(i -> UUID.randomUUID()).collectList().block();

        List<Integer> statuses = Flux.fromIterable(orders).index().flatMap(indexed -> {
            UUID orderId = indexed.getT2();
            long i = indexed.getT1();
            Map<UUID, Integer> lines = i % 3 == 0 ? Map.of(a, 2) : i % 3 == 1 ? Map.of(b, 1) : Map.of(a, 1, b, 2);
            return post("/internal/reservations", reservation(orderId, lines)).flatMap(status -> status == 201
                    ? post("/internal/reservations/" + orderId + (i % 2 == 0 ? "/confirm" : "/release"), null)
                        .flatMap(next -> i % 4 == 0 ? post("/internal/reservations/" + orderId + "/release", null)
                                : Mono.just(next))
                    : Mono.just(status));
        }, 16).collectList().block(Duration.ofSeconds(120));

        // a 503 (the database bound ran out on a loaded machine) rolled back or
        // committed: units add up either way
        assertThat(statuses).contains(200).allMatch(status -> status == 200 || status == 409 || status == 503);

        for (UUID product : List.of(a, b)) {
            Map<String, Object> levels = levels(product);
            long total = ((Number) levels.get("available")).longValue() + ((Number) levels.get("reserved")).longValue()
                    + ((Number) levels.get("sold")).longValue();
            assertThat(total).as("available + reserved + sold of %s", levels).isEqualTo(15);
            assertThat((Integer) levels.get("available")).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aPriceChangeAfterReservingLeavesTheReservationAsItWas() {
        Map<String, Object> body = productBody("Price Snapshot", 1999, 5);
        UUID product = UUID.fromString((String) createProduct(body).get("id"));
        UUID orderId = UUID.randomUUID();
        reserve(reservation(orderId, Map.of(product, 1))).expectStatus().isCreated();

        Map<String, Object> change = new LinkedHashMap<>(body);
        change.remove("stock");
        change.put("name", "Price Snapshot, renamed");
        change.put("price", Map.of("amount", 2999, "currency", "EUR"));
        http.put()
            .uri("/api/products/{id}", product)
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(change)
            .exchange()
            .expectStatus()
            .isOk();
        http.delete()
            .uri("/api/products/{id}", product)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNoContent();

        get(orderId).expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.items[0].name")
            .isEqualTo("Price Snapshot")
            .jsonPath("$.items[0].unitPrice.amount")
            .isEqualTo(1999)
            .jsonPath("$.items[0].sku")
            .isEqualTo(body.get("sku"));
        // a deleted product still takes its stock back
        action(orderId, "release").expectStatus().isOk();
        assertThat(stock(product)).isEqualTo(5);
    }

    @Test
    void reservingBumpsTheProductVersionSoAStaleAdminEditCannotUndoIt() {
        Map<String, Object> body = productBody("Versioned Stock", 100, 5);
        UUID product = UUID.fromString((String) createProduct(body).get("id"));
        reserve(reservation(UUID.randomUUID(), Map.of(product, 1))).expectStatus().isCreated();

        http.put()
            .uri("/api/products/{id}", product)
            .headers(h -> h.setBearerAuth(adminToken()))
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isEqualTo(412);
        assertThat(stock(product)).isEqualTo(4);
    }

    @Test
    void reportsStockLevels() {
        UUID product = createProduct("Levels", 100, 8);
        reserve(reservation(UUID.randomUUID(), Map.of(product, 3))).expectStatus().isCreated();

        assertThat(levels(product)).containsEntry("productId", product.toString())
            .containsEntry("available", 5)
            .containsEntry("reserved", 3)
            .containsEntry("sold", 0);
        http.get()
            .uri("/internal/products/{id}/stock", UUID.randomUUID())
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    // --- helpers

    static Map<String, Object> reservation(UUID orderId, Map<UUID, Integer> lines) {
        return Map.of("orderId", orderId.toString(), "items",
                lines.entrySet()
                    .stream()
                    .map(line -> Map.of("productId", line.getKey().toString(), "quantity", line.getValue()))
                    .toList());
    }

    static List<Map<String, Object>> items(Map<String, Object> reservation) {
        return (List<Map<String, Object>>) reservation.get("items");
    }

    WebTestClient.ResponseSpec reserve(Map<String, Object> body) {
        return http.post()
            .uri("/internal/reservations")
            .headers(h -> h.setBearerAuth(serviceToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

    WebTestClient.ResponseSpec action(UUID orderId, String action) {
        return http.post()
            .uri("/internal/reservations/{id}/{action}", orderId, action)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange();
    }

    WebTestClient.ResponseSpec get(UUID orderId) {
        return http.get()
            .uri("/internal/reservations/{id}", orderId)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange();
    }

    Map<String, Object> levels(UUID productId) {
        return http.get()
            .uri("/internal/products/{id}/stock", productId)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JSON)
            .returnResult()
            .getResponseBody();
    }

    long rows(String sql) {
        return db.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    /** POSTs as the order service; emits the status. */
    Mono<Integer> post(String path, Object body) {
        WebClient.RequestBodySpec request = webClient().post()
            .uri(path)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .contentType(MediaType.APPLICATION_JSON);
        WebClient.RequestHeadersSpec<?> spec = body == null ? request : request.bodyValue(body);
        return spec.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }

    /** {@code n} reservation requests at once; their statuses. */
    List<Integer> concurrently(int n, java.util.function.IntFunction<Map<String, Object>> body) {
        return Flux.range(0, n)
            .flatMap(i -> post("/internal/reservations", body.apply(i)), n)
            .collectList()
            .block(Duration.ofSeconds(60));
    }

}
