package com.acme.shop.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityHeadersWebFilterTest {

    @Test
    void contentSecurityPolicyIsExactlyTheRequiredOneWithTheNonce() {
        assertThat(SecurityHeadersWebFilter.contentSecurityPolicy("abc123")).isEqualTo(
                "default-src 'self'; script-src 'self' 'nonce-abc123'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    }

    @Test
    void onlyVersionedAssetDirectoriesAreStatic() {
        assertThat(SecurityHeadersWebFilter.isStaticAsset("/css/app-0123.css")).isTrue();
        assertThat(SecurityHeadersWebFilter.isStaticAsset("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
        assertThat(SecurityHeadersWebFilter.isStaticAsset("/members")).isFalse();
        assertThat(SecurityHeadersWebFilter.isStaticAsset("/api/css/x")).isFalse();
    }

}
