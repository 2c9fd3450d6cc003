package com.acme.shop.web.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.acme.shop.web.page.Htmx;
import com.acme.shop.web.page.PageModel;

import reactor.core.publisher.Mono;

/**
 * Security headers on every response (C9), including error pages and redirects: a CSP
 * with a per-request nonce (exposed to templates as {@code cspNonce}), HSTS on every
 * response (Spring Security only sends it over https), {@code Cache-Control: no-store} on
 * everything that is not a versioned static asset, and {@code Vary: HX-Request} on pages.
 */
@Component
@Order(-300)
class SecurityHeadersWebFilter implements WebFilter {

    static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final SecureRandom random = new SecureRandom();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String nonce = newNonce();
        exchange.getAttributes().put(PageModel.NONCE_ATTRIBUTE, nonce);
        boolean staticAsset = isStaticAsset(exchange.getRequest().getPath().pathWithinApplication().value());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.set("Strict-Transport-Security", HSTS);
            headers.set("X-XSS-Protection", "0");
            MediaType contentType = headers.getContentType();
            if (contentType != null && contentType.isCompatibleWith(MediaType.TEXT_HTML)
                    && contentType.getCharset() == null) {
                headers.setContentType(HTML);
            }
            if (!staticAsset) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
                headers.remove("Pragma");
                headers.remove(HttpHeaders.EXPIRES);
                if (!headers.getVary().contains(Htmx.REQUEST)) {
                    headers.add(HttpHeaders.VARY, Htmx.REQUEST);
                }
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static String contentSecurityPolicy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "'; object-src 'none'; base-uri 'none'; "
                + "frame-ancestors 'none'; form-action 'self'";
    }

    static boolean isStaticAsset(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/images/") || path.startsWith("/webjars/");
    }

    private String newNonce() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

}
