package com.acme.shop.gateway.idempotency;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.shop.common.idempotency.IdempotencyHandler;
import com.acme.shop.common.idempotency.IdempotencyMetrics;

/**
 * What the {@code Idempotency} route filter decided, counted as
 * {@code gateway.idempotency.requests} (Prometheus
 * {@code gateway_idempotency_requests_total}, tag {@code outcome}: {@code stored},
 * {@code replayed}, {@code conflict}, {@code mismatch}, {@code redis_error}). Common's
 * auto-configuration gives this bean to the {@link IdempotencyHandler}.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyMetricsConfiguration {

    static final String METER = "gateway.idempotency.requests";

    @Bean
    IdempotencyMetrics gatewayIdempotencyMetrics(ObjectProvider<MeterRegistry> meters) {
        return IdempotencyMetrics.register(meters.getIfAvailable(SimpleMeterRegistry::new), METER);
    }

}
