package com.acme.shop.common.idempotency;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Idempotency-key settings (rules A8, A12, A14), bound to {@code shop.idempotency}.
 *
 * @param ttl how long a completed record is kept, from first use (A12;
 * {@code IDEMPOTENCY_TTL} in seconds; a bare number means seconds; default 86400 s)
 * @param inFlightTtl lifetime of the in-flight marker (A8; default 60 s)
 * @param maxBodySize largest request body that is buffered and hashed (A14; default 1
 * MiB, larger → 413)
 * @param tenant first component of the storage scope (A6; default {@code default})
 * @param docUrl target of {@code Link: <docUrl>; rel="describedby"} on a missing required
 * key (A4)
 */
@ConfigurationProperties("shop.idempotency")
public record IdempotencyProperties(@DurationUnit(ChronoUnit.SECONDS) Duration ttl,
        @DurationUnit(ChronoUnit.SECONDS) Duration inFlightTtl, DataSize maxBodySize, String tenant, String docUrl) {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(86400);

    public static final Duration DEFAULT_IN_FLIGHT_TTL = Duration.ofSeconds(60);

    public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(1);

    public static final String DEFAULT_TENANT = "default";

    public static final String DEFAULT_DOC_URL = "/docs#idempotency";

    @ConstructorBinding
    public IdempotencyProperties {
        ttl = positiveOr(ttl, DEFAULT_TTL);
        inFlightTtl = positiveOr(inFlightTtl, DEFAULT_IN_FLIGHT_TTL);
        maxBodySize = maxBodySize != null && maxBodySize.toBytes() > 0 ? maxBodySize : DEFAULT_MAX_BODY_SIZE;
        tenant = tenant != null && !tenant.isBlank() ? tenant : DEFAULT_TENANT;
        docUrl = docUrl != null && !docUrl.isBlank() ? docUrl : DEFAULT_DOC_URL;
    }

    /** All defaults. */
    public IdempotencyProperties() {
        this(null, null, null, null, null);
    }

    public IdempotencyProperties withTtl(Duration newTtl) {
        return new IdempotencyProperties(newTtl, inFlightTtl, maxBodySize, tenant, docUrl);
    }

    public IdempotencyProperties withInFlightTtl(Duration newInFlightTtl) {
        return new IdempotencyProperties(ttl, newInFlightTtl, maxBodySize, tenant, docUrl);
    }

    public IdempotencyProperties withMaxBodySize(DataSize newMaxBodySize) {
        return new IdempotencyProperties(ttl, inFlightTtl, newMaxBodySize, tenant, docUrl);
    }

    public IdempotencyProperties withTenant(String newTenant) {
        return new IdempotencyProperties(ttl, inFlightTtl, maxBodySize, newTenant, docUrl);
    }

    public IdempotencyProperties withDocUrl(String newDocUrl) {
        return new IdempotencyProperties(ttl, inFlightTtl, maxBodySize, tenant, newDocUrl);
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value != null && !value.isNegative() && !value.isZero() ? value : fallback;
    }
}
