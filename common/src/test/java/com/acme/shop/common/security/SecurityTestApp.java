package com.acme.shop.common.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A minimal resource server built the way services build theirs, counting its token
 * checks in {@link #METERS} as {@value #VALIDATIONS}.
 */
@SpringBootApplication
class SecurityTestApp {

    static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    static final String VALIDATIONS = "test.token.validations";

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return ResourceServerSecurity.configure(http, decoder, TokenValidationMetrics.register(METERS, VALIDATIONS))
            .authorizeExchange(ex -> ex.pathMatchers("/health")
                .permitAll()
                .pathMatchers("/api/admin")
                .hasRole("ADMIN")
                .anyExchange()
                .authenticated())
            .build();
    }

    @RestController
    static class Endpoints {

        @GetMapping("/health")
        Mono<String> health() {
            return Mono.just("ok");
        }

        @GetMapping("/api/me")
        Mono<AuthenticatedUser> me() {
            return CurrentUser.current();
        }

        /**
         * Reads a header the test does not send (the firewall checks absent ones too).
         */
        @GetMapping("/api/absent-header")
        Mono<String> absentHeader(org.springframework.web.server.ServerWebExchange exchange) {
            return Mono.just(String.valueOf(exchange.getRequest().getHeaders().getFirst("X-Not-Sent")));
        }

        @GetMapping("/api/admin")
        Mono<String> admin() {
            return Mono.just("admin area");
        }

    }

}
