package com.acme.shop.gateway.docs;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A Content-Security-Policy for the Swagger UI pages ({@code /docs/**} and swagger-ui's
 * webjar): scripts, styles and connections from the gateway's own origin only, no inline
 * script and no {@code eval}, no framing. Swagger UI sets element styles from script,
 * which {@code style-src 'self'} allows; the one inline {@code <style>} it renders (the
 * colours of its logo) is allowed by its hash ({@link #LOGO_STYLE_HASH}, checked by
 * {@code DocsBrowserIT}); {@code data:} images are its icons. Spring Security's headers
 * ({@code X-Frame-Options: DENY}, {@code nosniff}, no-cache) stay as on every other
 * response.
 */
@Component
class DocsContentSecurityPolicy implements WebFilter, Ordered {

    static final String HEADER = "Content-Security-Policy";

    /**
     * SHA-256 of swagger-ui's logo style,
     * {@code .logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}}.
     */
    static final String LOGO_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self' " + LOGO_STYLE_HASH
            + "; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/webjars/swagger-ui/")) {
            exchange.getResponse().getHeaders().set(HEADER, POLICY);
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

}
