package com.acme.shop.product;

import com.acme.shop.common.testing.TestTokens;
import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens as auth issues them once product is among its audiences, from one
 * {@link TestTokens} per JVM (its JWKS server stops at JVM exit).
 */
final class ProductTokens {

    static final String AUDIENCE = "shop-product";

    private static TestTokens tokens;

    private ProductTokens() {
    }

    static synchronized TestTokens tokens() {
        if (tokens == null) {
            TestTokens created = TestTokens.builder().audiences("shop-gateway", AUDIENCE, "shop-bff").build();
            Runtime.getRuntime().addShutdownHook(new Thread(created::close, "product-test-tokens"));
            tokens = created;
        }
        return tokens;
    }

    static String user() {
        return tokens().user(UUID.randomUUID());
    }

    static String admin() {
        return tokens().admin(UUID.randomUUID());
    }

    /**
     * The token the order service uses: role SERVICE, audience shop-product only, 60 s.
     */
    static String service() {
        return tokens().token("service:order")
            .roles("SERVICE")
            .audiences(AUDIENCE)
            .email(null)
            .expiresAt(Instant.now().plusSeconds(60))
            .sign();
    }

}
