package com.acme.shop.common.security;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Maps the {@code roles} claim to {@code ROLE_<role>} authorities; the principal name is
 * {@code sub}.
 */
final class RolesAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    static final String ROLES_CLAIM = "roles";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return roles(jwt).stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    static List<String> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get(ROLES_CLAIM);
        if (claim instanceof Collection<?> c) {
            return c.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(r -> !r.isBlank())
                .toList();
        }
        if (claim instanceof String s && !s.isBlank()) {
            return List.of(s);
        }
        return List.of();
    }

}
