package com.acme.shop.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Gateway settings bound to {@code shop.gateway}: which paths are public, which filters
 * are active, and the request body limit. Routes themselves live in
 * {@code spring.cloud.gateway.server.webflux.routes}.
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(@DefaultValue List<String> publicPaths, @DefaultValue Toggle tokenValidation,
        @DefaultValue Toggle idempotency, @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration upstreamResponseTimeout) {

    /** A filter switch: {@code enabled} defaults to true. */
    public record Toggle(@DefaultValue("true") boolean enabled) {
    }
}
