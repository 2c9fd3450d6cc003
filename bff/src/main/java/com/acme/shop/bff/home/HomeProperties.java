package com.acme.shop.bff.home;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Downstream services of {@code /api/home} ({@code shop.bff.*}). Each downstream has its
 * own per-call timeout; {@code connectTimeout} bounds the TCP connect of every call.
 */
@ConfigurationProperties("shop.bff")
record HomeProperties(@DefaultValue Downstream auth, @DefaultValue Downstream member,
        @DefaultValue("1s") Duration connectTimeout, @DefaultValue("5") int newestMembers) {

    record Downstream(URI url, @DefaultValue("2s") Duration timeout) {
    }
}
