package com.acme.shop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The handler's flow around the store, with an in-memory store and mock exchanges (no
 * server).
 */
class IdempotencyHandlerTest {

    private final InMemoryStore store = new InMemoryStore();

    private final IdempotencyHandler handler = new IdempotencyHandler(store, new IdempotencyProperties());

    private final AtomicInteger calls = new AtomicInteger();

    private static MockServerWebExchange post(String key, String body) {
        MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.post("/api/things")
            .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header(IdempotencyKeys.HEADER, key);
        }
        return MockServerWebExchange.from(request.body(body));
    }

    private Function<ServerWebExchange, Mono<Void>> created(String body) {
        return exchange -> {
            calls.incrementAndGet();
            exchange.getResponse().setStatusCode(HttpStatus.CREATED);
            return exchange.getResponse()
                .writeWith(
                        Mono.just(exchange.getResponse().bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
        };
    }

    @Test
    void passesAnonymousRequestsThroughWithoutStoring() {
        for (int i = 0; i < 2; i++) {
            MockServerWebExchange exchange = post("k1", "{}");
            handler.handle(exchange, null, false, created("x")).block(Duration.ofSeconds(5));
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        assertThat(calls).hasValue(2);
        assertThat(store.records).isEmpty();
    }

    @Test
    void rejectsBadKeysEvenForAnonymousRequests() {
        MockServerWebExchange exchange = post("a b", "{}");
        handler.handle(exchange, null, false, created("x")).block(Duration.ofSeconds(5));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(calls).hasValue(0);
    }

    @Test
    void hasTheUpstreamReadTheBufferedBody() {
        MockServerWebExchange exchange = post("k1", "{\"a\":1}");
        handler
            .handle(exchange, "u1", false, ex -> ex.getRequest()
                .getBody()
                .collectList()
                .flatMap(buffers -> created("got " + buffers.stream().mapToInt(b -> b.readableByteCount()).sum())
                    .apply(ex)))
            .block(Duration.ofSeconds(5));
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("got 7");
    }

    @Test
    void releasesTheKeyWhenTheUpstreamFails() {
        MockServerWebExchange exchange = post("k1", "{}");
        assertThatThrownBy(
                () -> handler.handle(exchange, "u1", false, ex -> Mono.error(new IllegalStateException("down")))
                    .block(Duration.ofSeconds(5)))
            .hasMessageContaining("down");
        assertThat(store.records).isEmpty();
        handler.handle(post("k1", "{}"), "u1", false, created("x")).block(Duration.ofSeconds(5));
        assertThat(calls).hasValue(1);
    }

    @Test
    void releasesTheKeyWhenCancelled() {
        MockServerWebExchange exchange = post("k1", "{}");
        handler.handle(exchange, "u1", false, ex -> Mono.never()).subscribe().dispose();
        assertThat(store.records).isEmpty();
        assertThat(store.releases).hasValue(1);
    }

    @Test
    void stillAnswersWhenStoringTheResponseFails() {
        store.failCompletes = true;
        MockServerWebExchange exchange = post("k1", "{}");
        handler.handle(exchange, "u1", false, created("body")).block(Duration.ofSeconds(5));
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("body");
    }

    @Test
    void storesWithTheRemainingRecordTtl() {
        handler.handle(post("k1", "{}"), "u1", false, created("body")).block(Duration.ofSeconds(5));
        assertThat(store.lastTtl).isBetween(Duration.ofSeconds(86_390), Duration.ofSeconds(86_400));
    }

    @Test
    void countsStoredReplayedConflictMismatchAndRedisErrors() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        IdempotencyHandler counting = new IdempotencyHandler(store, new IdempotencyProperties(),
                IdempotencyMetrics.register(meters, "test.idempotency.requests"));
        java.util.function.Function<String, Double> count = outcome -> meters.get("test.idempotency.requests")
            .tag("outcome", outcome)
            .counter()
            .count();
        assertThat(meters.get("test.idempotency.requests").counters()).hasSize(5);

        counting.handle(post("k1", "{}"), "u1", false, created("x")).block(Duration.ofSeconds(5));
        assertThat(count.apply("stored")).isEqualTo(1);
        counting.handle(post("k1", "{}"), "u1", false, created("x")).block(Duration.ofSeconds(5));
        assertThat(count.apply("replayed")).isEqualTo(1);
        counting.handle(post("k1", "{\"other\":1}"), "u1", false, created("x")).block(Duration.ofSeconds(5));
        assertThat(count.apply("mismatch")).isEqualTo(1);

        MockServerWebExchange slow = post("k2", "{}");
        counting.handle(slow, "u1", false, ex -> Mono.never()).subscribe();
        MockServerWebExchange duplicate = post("k2", "{}");
        counting.handle(duplicate, "u1", false, created("x")).block(Duration.ofSeconds(5));
        assertThat(duplicate.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(count.apply("conflict")).isEqualTo(1);

        store.failCompletes = true;
        counting.handle(post("k3", "{}"), "u1", false, created("x")).block(Duration.ofSeconds(5));
        assertThat(count.apply("redis_error")).isEqualTo(1);
        IdempotencyHandler unreachable = new IdempotencyHandler(new UnreachableStore(), new IdempotencyProperties(),
                IdempotencyMetrics.register(meters, "test.idempotency.requests"));
        MockServerWebExchange refused = post("k4", "{}");
        unreachable.handle(refused, "u1", false, created("x")).block(Duration.ofSeconds(5));
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(count.apply("redis_error")).isEqualTo(2);

        // not acted on: no key, no principal, other methods
        counting.handle(post(null, "{}"), "u1", false, created("x")).block(Duration.ofSeconds(5));
        counting.handle(post("k5", "{}"), null, false, created("x")).block(Duration.ofSeconds(5));
        assertThat(meters.get("test.idempotency.requests")
            .counters()
            .stream()
            .mapToDouble(io.micrometer.core.instrument.Counter::count)
            .sum()).isEqualTo(6);
        assertThat(calls).hasValue(4);
    }

    /** Every call fails, as Redis does when it is down. */
    static final class UnreachableStore implements IdempotencyStore {

        @Override
        public Mono<ClaimOutcome> claim(String scope, String fingerprint, Duration inFlightTtl) {
            return Mono.error(new IllegalStateException("redis gone"));
        }

        @Override
        public Mono<Boolean> complete(String scope, Claimed claim, StoredResponse response, Duration ttl) {
            return Mono.error(new IllegalStateException("redis gone"));
        }

        @Override
        public Mono<Void> release(String scope, Claimed claim) {
            return Mono.error(new IllegalStateException("redis gone"));
        }

    }

    /** Keeps records in memory with the same ownership rules as the Redis store. */
    static final class InMemoryStore implements IdempotencyStore {

        final Map<String, Object> records = new ConcurrentHashMap<>();

        final AtomicInteger releases = new AtomicInteger();

        volatile boolean failCompletes;

        volatile Duration lastTtl;

        @Override
        public Mono<ClaimOutcome> claim(String scope, String fingerprint, Duration inFlightTtl) {
            return Mono.fromSupplier(() -> {
                Claimed claim = new Claimed(fingerprint, java.util.UUID.randomUUID().toString());
                Object existing = records.putIfAbsent(scope, claim);
                if (existing == null) {
                    return claim;
                }
                return existing instanceof Claimed c ? new InFlight(c.fingerprint())
                        : new Completed((StoredResponse) existing);
            });
        }

        @Override
        public Mono<Boolean> complete(String scope, Claimed claim, StoredResponse response, Duration ttl) {
            if (failCompletes) {
                return Mono.error(new IllegalStateException("redis gone"));
            }
            lastTtl = ttl;
            return Mono.fromSupplier(() -> records.replace(scope, claim, response));
        }

        @Override
        public Mono<Void> release(String scope, Claimed claim) {
            return Mono.fromRunnable(() -> {
                releases.incrementAndGet();
                records.remove(scope, claim);
            });
        }

    }

}
