package com.acme.shop.web.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.acme.shop.web.WebUiProperties;
import com.acme.shop.web.error.SessionExpiredResponses;

import reactor.core.publisher.Mono;

/** Ends sessions older than the absolute timeout (C4), whatever their activity. */
@Component
@Order(-150)
class AbsoluteSessionTimeoutWebFilter implements WebFilter {

    private final Duration absoluteTimeout;

    private final Clock clock;

    private final SessionExpiredResponses responses;

    AbsoluteSessionTimeoutWebFilter(WebUiProperties properties, Clock clock, SessionExpiredResponses responses) {
        this.absoluteTimeout = properties.absoluteTimeout();
        this.clock = clock;
        this.responses = responses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getSession().flatMap(session -> {
            if (session.isStarted() && isTooOld(session.getCreationTime(), clock.instant())) {
                session.getAttributes().clear();
                return session.invalidate().then(responses.sessionExpired(exchange));
            }
            return chain.filter(exchange);
        });
    }

    boolean isTooOld(Instant created, Instant now) {
        return !created.plus(absoluteTimeout).isAfter(now);
    }

}
