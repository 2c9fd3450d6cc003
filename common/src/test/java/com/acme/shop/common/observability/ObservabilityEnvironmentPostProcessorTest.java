package com.acme.shop.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The shared observability defaults, and that spans leave the process only when an OTLP
 * endpoint is configured.
 */
class ObservabilityEnvironmentPostProcessorTest {

    private final ApplicationContextRunner tracing = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                OtlpTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class))
        .withInitializer(context -> new ObservabilityEnvironmentPostProcessor()
            .postProcessEnvironment((ConfigurableEnvironment) context.getEnvironment(), null));

    @Test
    void setsTheSharedDefaultsWithoutAnOtlpEndpointUnlessOneIsGiven() {
        Map<String, Object> defaults = ObservabilityEnvironmentPostProcessor.defaults(name -> null);
        assertThat(defaults).containsEntry("management.metrics.tags.application", "${spring.application.name:unknown}")
            .containsEntry("management.metrics.distribution.slo[http.server.requests]",
                    ObservabilityEnvironmentPostProcessor.LATENCY_BUCKETS)
            .containsEntry("management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.1}")
            .containsEntry("spring.reactor.context-propagation", "auto")
            .containsEntry("shop.security.observations", "${SECURITY_OBSERVATIONS:false}")
            .containsEntry("logging.structured.json.rename[traceId]", "trace.id")
            .doesNotContainKey(ObservabilityEnvironmentPostProcessor.OTLP_ENDPOINT_PROPERTY);
        assertThat(ObservabilityEnvironmentPostProcessor.defaults(name -> "  "))
            .doesNotContainKey(ObservabilityEnvironmentPostProcessor.OTLP_ENDPOINT_PROPERTY);
        assertThat(ObservabilityEnvironmentPostProcessor.defaults(
                name -> name.equals("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ? "http://jaeger:4318/v1/traces" : null))
            .containsEntry(ObservabilityEnvironmentPostProcessor.OTLP_ENDPOINT_PROPERTY,
                    "http://jaeger:4318/v1/traces");
    }

    @Test
    void tracesWithoutAnyExporterWhenNoEndpointIsSet() {
        tracing.run(context -> {
            assertThat(context).hasSingleBean(Tracer.class);
            assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
            assertThat(context.getBean(TracingProperties.class).getSampling().getProbability()).isEqualTo(0.1f);
        });
    }

    @Test
    void exportsOverOtlpHttpWhenTheEndpointIsSet() {
        tracing
            .withPropertyValues("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:1/v1/traces",
                    "TRACING_SAMPLING_PROBABILITY=1.0")
            .run(context -> {
                assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
                assertThat(context.getBean(TracingProperties.class).getSampling().getProbability()).isEqualTo(1.0f);
            });
    }

    @Test
    void anEmptyEndpointMeansNoExporter() {
        tracing.withPropertyValues("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=")
            .run(context -> assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty());
    }

}
