package com.acme.shop.common.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.acme.shop.common.idempotency.IdempotencyKeys.Absent;
import com.acme.shop.common.idempotency.IdempotencyKeys.Invalid;
import com.acme.shop.common.idempotency.IdempotencyKeys.ParsedKey;
import com.acme.shop.common.idempotency.IdempotencyKeys.Valid;
import com.acme.shop.common.idempotency.IdempotencyStore.ClaimOutcome;
import com.acme.shop.common.idempotency.IdempotencyStore.Claimed;
import com.acme.shop.common.idempotency.IdempotencyStore.Completed;
import com.acme.shop.common.problem.Problems;

/**
 * The idempotency-key algorithm of rules A1–A14 over a {@link ServerWebExchange}, shared
 * by the gateway (in a gateway filter) and by services ({@link IdempotencyWebFilter}).
 * Call it after authentication:
 * <ol>
 * <li>not POST/PATCH → {@code next} untouched (A1)</li>
 * <li>no key: required route → 400 with {@code Link: <docUrl>; rel="describedby"} (A4),
 * else {@code next}</li>
 * <li>bad, repeated or conflicting key → 400 (A2, A3)</li>
 * <li>no authenticated principal (e.g. login, register) → {@code next} untouched: a
 * response that cannot be scoped to a principal is never stored or replayed (A6)</li>
 * <li>body over {@code maxBodySize} → 413 before any lock (A14)</li>
 * <li>claim {@code SET NX PX}: same request in flight → 409 {@code Retry-After: 1};
 * different fingerprint → 422; completed → replay with {@code Idempotent-Replayed: true};
 * store unreachable → 503 (A7, A8, A10, A13)</li>
 * <li>first execution: {@code next} gets the buffered body again; a 2xx/4xx (but not
 * 408/409/425/429) response is stored before it is written, anything else (5xx, errors,
 * cancellation) releases the key (A9, A11)</li>
 * </ol>
 * Every answer it produces itself is problem+json and is never stored (A5).
 */
public final class IdempotencyHandler {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final String RETRY_AFTER_IN_FLIGHT = "1";
    static final String RETRY_AFTER_UNAVAILABLE = "5";

    private static final Log log = LogFactory.getLog(IdempotencyHandler.class);

    private final IdempotencyStore store;

    private final IdempotencyProperties props;

    private final Clock clock;

    private final IdempotencyMetrics metrics;

    public IdempotencyHandler(IdempotencyStore store, IdempotencyProperties props) {
        this(store, props, IdempotencyMetrics.NONE);
    }

    /** Counting its decisions in {@code metrics}. */
    public IdempotencyHandler(IdempotencyStore store, IdempotencyProperties props, IdempotencyMetrics metrics) {
        this(store, props, Clock.systemUTC(), metrics);
    }

    IdempotencyHandler(IdempotencyStore store, IdempotencyProperties props, Clock clock) {
        this(store, props, clock, IdempotencyMetrics.NONE);
    }

    IdempotencyHandler(IdempotencyStore store, IdempotencyProperties props, Clock clock, IdempotencyMetrics metrics) {
        this.store = store;
        this.props = props;
        this.clock = clock;
        this.metrics = metrics;
    }

    public IdempotencyProperties properties() {
        return props;
    }

    /**
     * @param principal the authenticated subject ({@code sub}); {@code null} for
     * anonymous requests
     * @param keyRequired whether this route requires a key (A4)
     * @param next the rest of the chain (upstream call)
     */
    public Mono<Void> handle(ServerWebExchange exchange, String principal, boolean keyRequired,
            Function<ServerWebExchange, Mono<Void>> next) {
        return Mono.defer(() -> {
            ServerHttpRequest request = exchange.getRequest();
            if (!IdempotencyRules.appliesTo(request.getMethod())) {
                return next.apply(exchange);
            }
            ParsedKey parsed = IdempotencyKeys.parse(request.getHeaders());
            if (parsed instanceof Absent) {
                if (!keyRequired) {
                    return next.apply(exchange);
                }
                return problem(exchange, HttpStatus.BAD_REQUEST, "This request requires an Idempotency-Key header.",
                        Map.of(HttpHeaders.LINK, "<" + props.docUrl() + ">; rel=\"describedby\""));
            }
            if (parsed instanceof Invalid invalid) {
                return problem(exchange, HttpStatus.BAD_REQUEST, invalid.reason(),
                        Map.of(HttpHeaders.LINK, "<" + props.docUrl() + ">; rel=\"describedby\""));
            }
            if (principal == null || principal.isBlank()) {
                return next.apply(exchange);
            }
            String key = ((Valid) parsed).key();
            long max = props.maxBodySize().toBytes();
            if (request.getHeaders().getContentLength() > max) {
                return tooLarge(exchange);
            }
            return readBody(request, max).flatMap(body -> body.tooLarge() ? tooLarge(exchange)
                    : claimAndRun(exchange, principal, key, body.bytes(), next));
        });
    }

    private Mono<Void> claimAndRun(ServerWebExchange exchange, String principal, String key, byte[] body,
            Function<ServerWebExchange, Mono<Void>> next) {
        String fingerprint = Fingerprint.of(exchange.getRequest(), body);
        String scope = IdempotencyKeys.scope(props.tenant(), principal, key);
        Instant started = clock.instant();
        return Mono.defer(() -> store.claim(scope, fingerprint, props.inFlightTtl()))
            .<Mono<Void>>map(outcome -> act(exchange, outcome, fingerprint, scope, started, body, next))
            .onErrorResume(e -> {
                log.warn("Idempotency store unavailable: " + e.getClass().getSimpleName());
                metrics.count(IdempotencyMetrics.Outcome.REDIS_ERROR);
                return Mono.just(unavailable(exchange));
            })
            .switchIfEmpty(Mono.fromSupplier(() -> {
                metrics.count(IdempotencyMetrics.Outcome.REDIS_ERROR);
                return unavailable(exchange);
            }))
            .flatMap(Function.identity());
    }

    private Mono<Void> act(ServerWebExchange exchange, ClaimOutcome outcome, String fingerprint, String scope,
            Instant started, byte[] body, Function<ServerWebExchange, Mono<Void>> next) {
        return switch (IdempotencyRules.decide(outcome, fingerprint)) {
            case EXECUTE -> execute(exchange, (Claimed) outcome, scope, started, body, next);
            case IN_FLIGHT -> {
                metrics.count(IdempotencyMetrics.Outcome.CONFLICT);
                yield problem(exchange, HttpStatus.CONFLICT,
                        "A request with this idempotency key is still being processed.",
                        Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_IN_FLIGHT));
            }
            case FINGERPRINT_MISMATCH -> {
                metrics.count(IdempotencyMetrics.Outcome.MISMATCH);
                yield problem(exchange, HttpStatus.UNPROCESSABLE_CONTENT,
                        "This idempotency key was already used for a different request.", Map.of());
            }
            case REPLAY -> {
                metrics.count(IdempotencyMetrics.Outcome.REPLAYED);
                yield replay(exchange, ((Completed) outcome).response());
            }
        };
    }

    private Mono<Void> execute(ServerWebExchange exchange, Claimed claim, String scope, Instant started, byte[] body,
            Function<ServerWebExchange, Mono<Void>> next) {
        RecordingResponse response = new RecordingResponse(exchange.getResponse(), new RecordingResponse.Recorder() {
            @Override
            public Mono<Void> record(int status, HttpHeaders headers, byte[] responseBody) {
                if (!IdempotencyRules.isStorable(status)) {
                    return release(scope, claim);
                }
                StoredResponse stored = new StoredResponse(claim.fingerprint(), status,
                        StoredResponse.storable(headers), responseBody);
                Duration remaining = props.ttl().minus(Duration.between(started, clock.instant()));
                return store.complete(scope, claim, stored, remaining).doOnNext(ok -> {
                    if (ok) {
                        metrics.count(IdempotencyMetrics.Outcome.STORED);
                    }
                    else {
                        log.warn("Idempotency marker expired before the response was stored");
                    }
                }).onErrorResume(e -> {
                    log.warn("Could not store idempotent response: " + e.getClass().getSimpleName());
                    metrics.count(IdempotencyMetrics.Outcome.REDIS_ERROR);
                    return Mono.empty();
                }).then();
            }

            @Override
            public Mono<Void> abandon() {
                return release(scope, claim);
            }
        });
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<org.springframework.core.io.buffer.DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(response.bufferFactory().wrap(body)));
            }
        };
        ServerWebExchange mutated = exchange.mutate().request(request).response(response).build();
        return Mono.defer(() -> next.apply(mutated))
            .then(Mono.defer(response::finishIfUndecided))
            .onErrorResume(e -> response.abandon().then(Mono.error(e)))
            .doOnCancel(() -> response.abandon().subscribe());
    }

    private Mono<Void> release(String scope, Claimed claim) {
        return store.release(scope, claim).onErrorResume(e -> {
            log.warn("Could not release idempotency key: " + e.getClass().getSimpleName());
            metrics.count(IdempotencyMetrics.Outcome.REDIS_ERROR);
            return Mono.empty();
        });
    }

    private Mono<Void> replay(ServerWebExchange exchange, StoredResponse stored) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(stored.status()));
        stored.headers().forEach((name, values) -> {
            response.getHeaders().remove(name);
            values.forEach(value -> response.getHeaders().add(name, value));
        });
        response.getHeaders().set(REPLAYED_HEADER, "true");
        if (stored.body().length == 0) {
            return response.setComplete();
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problem(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + props.maxBodySize().toBytes() + " bytes.", Map.of());
    }

    private Mono<Void> unavailable(ServerWebExchange exchange) {
        return problem(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "Idempotency keys cannot be checked right now. Retry later.",
                Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_UNAVAILABLE));
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail,
            Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        extraHeaders.forEach(headers::set);
        return Problems.write(exchange, status, detail, headers, Map.of());
    }

    private record Body(byte[] bytes, boolean tooLarge) {
    }

    private static Mono<Body> readBody(ServerHttpRequest request, long max) {
        int limit = (int) Math.min(max, Integer.MAX_VALUE - 1);
        return DataBufferUtils.join(request.getBody(), limit).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return new Body(bytes, false);
        })
            .defaultIfEmpty(new Body(new byte[0], false))
            .onErrorResume(DataBufferLimitException.class, e -> Mono.just(new Body(null, true)));
    }

}
