package com.acme.shop.bff.home;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Downstream services of {@code /api/home} ({@code shop.bff.*}). Each downstream has its
 * own per-call timeout; {@code connectTimeout} bounds the TCP connect of every call.
 * {@code featuredProducts} products of the public catalog in {@code featuredSort} order
 * (product has no "featured" flag: the newest by default) and the caller's
 * {@code latestOrders} newest orders are shown on the home page.
 */
@ConfigurationProperties("shop.bff")
record HomeProperties(@DefaultValue Downstream auth, @DefaultValue Downstream member, @DefaultValue Downstream product,
        @DefaultValue Downstream order, @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("5") int newestMembers, @DefaultValue("4") int featuredProducts,
        @DefaultValue("createdAt,desc") String featuredSort, @DefaultValue("3") int latestOrders) {

    record Downstream(URI url, @DefaultValue("2s") Duration timeout) {
    }
}
