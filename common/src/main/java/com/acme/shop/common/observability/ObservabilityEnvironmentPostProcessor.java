package com.acme.shop.common.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The observability settings every service shares, as <em>defaults</em>: they rank below
 * everything else (application.yml, environment variables, test properties), so a service
 * or an operator can still change any of them.
 * <ul>
 * <li>Metrics: every meter carries {@code application=<spring.application.name>};
 * {@code http.server.requests} publishes SLO buckets ({@link #LATENCY_BUCKETS},
 * Prometheus {@code http_server_requests_seconds_bucket}), enough for the p99 panels and
 * alerts at a dozen series per route instead of a full percentile histogram's ~70.</li>
 * <li>Tracing (Micrometer Tracing, OpenTelemetry bridge, W3C {@code traceparent}):
 * sampling probability {@code TRACING_SAMPLING_PROBABILITY} (default
 * {@value #DEFAULT_SAMPLING}); spans are exported over OTLP/HTTP only when
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} is set (e.g.
 * {@code http://jaeger:4318/v1/traces}); otherwise no exporter exists and nothing tries
 * to connect anywhere. Trace and span ids are propagated and logged whether a trace is
 * sampled or not.</li>
 * <li>Logs: Reactor's automatic context propagation puts the current trace and span id in
 * the MDC on whatever thread a reactive step runs, so every line logged while serving a
 * request carries them (text: Boot's {@code [traceId-spanId]} correlation; ECS JSON in
 * the {@code prod} profile: {@code trace.id} and {@code span.id}).</li>
 * <li>Spring Security's own observations (one per filter of the chain) only with
 * {@code SECURITY_OBSERVATIONS=true}.</li>
 * </ul>
 */
public class ObservabilityEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE_NAME = "shopObservabilityDefaults";

    /** The sampling probability when {@code TRACING_SAMPLING_PROBABILITY} is not set. */
    public static final String DEFAULT_SAMPLING = "0.1";

    /** Upper bounds of the latency buckets of {@code http.server.requests}. */
    public static final String LATENCY_BUCKETS = "5ms,10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s";

    public static final String OTLP_ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    static final String OTLP_ENDPOINT_PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
        environment.getPropertySources()
            .addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults(environment::getProperty)));
    }

    /** The default properties, given a lookup of environment variables. */
    static Map<String, Object> defaults(Function<String, String> env) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("management.metrics.tags.application", "${spring.application.name:unknown}");
        properties.put("management.metrics.distribution.slo[http.server.requests]", LATENCY_BUCKETS);
        properties.put("management.tracing.sampling.probability",
                "${TRACING_SAMPLING_PROBABILITY:" + DEFAULT_SAMPLING + "}");
        properties.put("spring.reactor.context-propagation", "auto");
        // Spring Security's per-filter observations: off unless asked for (see common's
        // SecurityAutoConfiguration)
        properties.put("shop.security.observations", "${SECURITY_OBSERVATIONS:false}");
        properties.put("logging.structured.json.rename[traceId]", "trace.id");
        properties.put("logging.structured.json.rename[spanId]", "span.id");
        String endpoint = env.apply(OTLP_ENDPOINT_VARIABLE);
        if (endpoint != null && !endpoint.isBlank()) {
            // only when set: Boot creates the OTLP exporter as soon as this property
            // exists, even when it is empty
            properties.put(OTLP_ENDPOINT_PROPERTY, endpoint.trim());
        }
        return properties;
    }

}
