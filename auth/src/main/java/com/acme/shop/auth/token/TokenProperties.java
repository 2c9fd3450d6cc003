package com.acme.shop.auth.token;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.acme.shop.common.security.AccessTokenProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import com.acme.shop.common.security.AccessTokenProperties;

/**
 * Token settings. {@code accessTokenTtl} ({@code ACCESS_TOKEN_TTL}, seconds) must be 1 s
 * – 10 min (B7).
 */
@ConfigurationProperties("shop.auth.token")
public record TokenProperties(String issuer, List<String> audiences,
        @DurationUnit(ChronoUnit.SECONDS) Duration accessTokenTtl, Duration refreshIdleTtl, Duration refreshAbsoluteTtl,
        Duration serviceTokenTtl) {

    public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(10);

    public TokenProperties {
        issuer = issuer == null || issuer.isBlank() ? AccessTokenProperties.DEFAULT_ISSUER : issuer.trim();
        audiences = audiences == null || audiences.isEmpty()
                ? List.of("shop-gateway", "shop-member", "shop-bff", "shop-auth", "shop-product", "shop-order")
                : audiences.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        accessTokenTtl = accessTokenTtl == null ? Duration.ofSeconds(300) : accessTokenTtl;
        refreshIdleTtl = refreshIdleTtl == null ? Duration.ofDays(7) : refreshIdleTtl;
        refreshAbsoluteTtl = refreshAbsoluteTtl == null ? Duration.ofDays(30) : refreshAbsoluteTtl;
        serviceTokenTtl = serviceTokenTtl == null ? Duration.ofSeconds(60) : serviceTokenTtl;
        if (accessTokenTtl.compareTo(Duration.ofSeconds(1)) < 0 || accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException(
                    "ACCESS_TOKEN_TTL must be between 1 and 600 seconds, was " + accessTokenTtl.toSeconds());
        }
        if (refreshIdleTtl.isNegative() || refreshIdleTtl.isZero()
                || refreshAbsoluteTtl.compareTo(refreshIdleTtl) < 0) {
            throw new IllegalArgumentException("refresh TTLs must be positive and absolute >= idle");
        }
    }
}
