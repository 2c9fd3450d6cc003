package com.acme.shop.common.security;

import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

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
            if (token.isEmpty() || !B64TOKEN.matcher(token).matches()) {
                return Mono.error(new InvalidBearerTokenException("Invalid token"));
            }
            return Mono.just(new BearerTokenAuthenticationToken(token));
        });
    }

}
