package com.acme.shop.common.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Gives every request an id and logs one line per request.
 * <p>
 * A valid incoming {@code X-Request-Id} (1–128 characters of {@code [A-Za-z0-9._:-]}) is
 * kept, anything else is replaced by a new UUID. The id is set on the (mutated) request,
 * so a gateway forwards it, on the response, as the exchange attribute
 * {@link #ATTRIBUTE}, and in the Reactor context ({@link #CONTEXT_KEY}), from which
 * {@link RequestIdExchangeFilterFunction} puts it on every outgoing {@code WebClient}
 * call. The log line is {@code method path status durationMs requestId}: no query string,
 * no headers, no bodies, no tokens. Actuator calls (health probes, Prometheus scrapes on
 * the management port) are logged at DEBUG. While tracing is on, the line carries the
 * request's trace and span id like every other (see
 * {@code observability.ObservabilityEnvironmentPostProcessor}).
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";

    public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".id";

    /** Key of the request id in the Reactor context. */
    public static final String CONTEXT_KEY = "requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final Logger log = LoggerFactory.getLogger(RequestIdWebFilter.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The id of this exchange's request, or {@code null} when the filter did not run. */
    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** True when {@code value} may be used as a request id as it is. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = isValid(incoming) ? incoming : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        ServerWebExchange mutated = exchange.mutate().request(request).build();
        mutated.getAttributes().put(ATTRIBUTE, id);
        mutated.getResponse().getHeaders().set(HEADER, id);

        AtomicBoolean logged = new AtomicBoolean();
        String method = request.getMethod().name();
        String path = request.getPath().value();
        mutated.getResponse().beforeCommit(() -> {
            // headers may have been replaced on the way (e.g. copied from an upstream
            // response)
            mutated.getResponse().getHeaders().set(HEADER, id);
            logOnce(logged, method, path, statusOf(mutated), start, id);
            return Mono.empty();
        });
        return chain.filter(mutated).contextWrite(ctx -> ctx.put(CONTEXT_KEY, id)).doFinally(signal -> {
            if (signal == SignalType.CANCEL) {
                logOnce(logged, method, path, "cancelled", start, id);
            }
            else if (signal == SignalType.ON_COMPLETE && mutated.getResponse().isCommitted()) {
                logOnce(logged, method, path, statusOf(mutated), start, id);
            }
        });
    }

    private static String statusOf(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return Integer.toString(status == null ? 200 : status.value());
    }

    private static void logOnce(AtomicBoolean logged, String method, String path, String status, long start,
            String id) {
        if (!logged.compareAndSet(false, true)) {
            return;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (path.startsWith("/actuator/")) {
            log.debug("{} {} {} {}ms {}", method, path, status, millis, id);
        }
        else {
            log.info("{} {} {} {}ms {}", method, path, status, millis, id);
        }
    }

}
