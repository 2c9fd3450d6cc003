package com.acme.shop.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import reactor.test.StepVerifier;

class IdempotencyPrincipalTest {

    @Test
    void scopesKeysByTheTokenSubject() {
        Jwt jwt = Jwt.withTokenValue("t")
            .header("alg", "ES256")
            .subject("4f1c0e6e-0000-4000-8000-000000000001")
            .claim("email", "ann@example.test")
            .issuedAt(Instant.now())
            .build();
        JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt, List.of(), "ann@example.test");
        StepVerifier
            .create(IdempotencyGatewayFilterFactory.principal()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication)))
            .expectNext("4f1c0e6e-0000-4000-8000-000000000001")
            .verifyComplete();
    }

    @Test
    void hasNoPrincipalWithoutAuthentication() {
        StepVerifier.create(IdempotencyGatewayFilterFactory.principal()).verifyComplete();
        AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("k", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        StepVerifier
            .create(IdempotencyGatewayFilterFactory.principal()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(anonymous)))
            .verifyComplete();
    }

}
