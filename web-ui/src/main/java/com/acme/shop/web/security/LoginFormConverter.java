package com.acme.shop.web.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.ClientAddress;

import reactor.core.publisher.Mono;

/**
 * Reads the login form's {@code email} and {@code password} fields, with the browser's
 * address as details.
 */
final class LoginFormConverter implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            String email = form.getFirst("email");
            String password = form.getFirst("password");
            UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken
                .unauthenticated(email == null ? "" : email, password == null ? "" : password);
            token.setDetails(ClientAddress.of(exchange));
            return token;
        });
    }

}
