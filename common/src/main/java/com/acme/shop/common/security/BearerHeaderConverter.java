package com.acme.shop.common.security;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token only from {@code Authorization: Bearer} (B9):
 * {@code ?access_token=} and form fields are never looked at. Another scheme or no header
 * means "no credentials"; a malformed or repeated bearer header is a rejected token.
 */
final class BearerHeaderConverter implements ServerAuthenticationConverter {

    private static final String SCHEME = "bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            List<String> values = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
            List<String> bearer = values.stream()
                .filter(v -> v.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                        && (v.length() == SCHEME.length() || v.charAt(SCHEME.length()) == ' '))
                .toList();
            if (bearer.isEmpty()) {
                return Mono.empty();
            }
            if (values.size() > 1) {
                return Mono.error(new InvalidBearerTokenException("Invalid token"));
            }
            String token = bearer.get(0).substring(SCHEME.length()).trim();
            if (!isB64Token(token)) {
                return Mono.error(new InvalidBearerTokenException("Invalid token"));
            }
            return Mono.just(new BearerTokenAuthenticationToken(token));
        });
    }

    /**
     * RFC 6750's {@code b64token}, {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+"
     * / "/" ) *"="}: a loop rather than a regular expression, as it runs on every request
     * (issue 10).
     */
    static boolean isB64Token(String token) {
        int length = token.length();
        int i = 0;
        while (i < length && isB64TokenChar(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < length && token.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean isB64TokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '+' || c == '/';
    }

}
