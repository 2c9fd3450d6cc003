package com.acme.shop.gateway.idempotency;

import java.util.List;
import java.util.Optional;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import com.acme.shop.common.idempotency.IdempotencyHandler;
import com.acme.shop.gateway.GatewayProperties;

import reactor.core.publisher.Mono;

/**
 * The {@code Idempotency} route filter ({@code - name: Idempotency, args: {required:
 * true|false}}), the replacement for the original's Kong plugin. It wraps common's
 * {@link IdempotencyHandler} (rules A1–A14) with the principal taken from the verified
 * JWT's {@code sub} (A6). Security has already answered 401 by the time it runs (A5).
 * Without a principal (only possible with token validation switched off) nothing is
 * stored or replayed. Switched off as a whole with
 * {@code shop.gateway.idempotency.enabled=false}.
 */
@Component
class IdempotencyGatewayFilterFactory extends AbstractGatewayFilterFactory<IdempotencyGatewayFilterFactory.Config> {

    /**
     * Before {@link NettyWriteResponseFilter}, which writes the upstream body to the
     * response it was given: it must be given the handler's recording response, or the
     * body would bypass the record.
     */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    private final IdempotencyHandler handler;

    private final boolean enabled;

    IdempotencyGatewayFilterFactory(IdempotencyHandler handler, GatewayProperties properties) {
        super(Config.class);
        this.handler = handler;
        this.enabled = properties.idempotency().enabled();
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("required");
    }

    @Override
    public GatewayFilter apply(Config config) {
        boolean required = config.isRequired();
        return new OrderedGatewayFilter((exchange, chain) -> {
            if (!enabled) {
                return chain.filter(exchange);
            }
            // no principal (token validation switched off): the handler stores nothing,
            // so no client can
            // ever get a response stored for someone else (rules A6)
            return principal().map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> handler.handle(exchange, principal.orElse(null), required, chain::filter));
        }, ORDER);
    }

    static Mono<String> principal() {
        return ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(auth -> auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken))
            .map(IdempotencyGatewayFilterFactory::subject);
    }

    static String subject(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return authentication.getName();
    }

    /** Route arguments of the filter. */
    public static class Config {

        private boolean required;

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

    }

}
