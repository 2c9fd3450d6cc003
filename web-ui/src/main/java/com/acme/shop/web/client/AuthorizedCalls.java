package com.acme.shop.web.client;

import java.time.Clock;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import com.acme.shop.web.WebUiProperties;

import reactor.core.publisher.Mono;

/**
 * Runs a call to the gateway with the session's access token: refreshes first when the
 * token expires within the skew, and refreshes once and retries when the call answers
 * 401. When the session cannot be refreshed it is invalidated and
 * {@link SessionEndedException} is raised.
 */
@Component
public class AuthorizedCalls {

    private static final String FRESH_TOKENS = AuthorizedCalls.class.getName() + ".fresh";

    private final TokenRefresher refresher;

    private final RefreshPolicy policy;

    private final Clock clock;

    AuthorizedCalls(TokenRefresher refresher, WebUiProperties properties, Clock clock) {
        this.refresher = refresher;
        this.policy = new RefreshPolicy(properties.refreshSkew());
        this.clock = clock;
    }

    public <R> Mono<R> call(ServerWebExchange exchange, Function<String, Mono<R>> call, Predicate<R> unauthorized) {
        return exchange.getSession().flatMap(session -> {
            TokenSet tokens = exchange.getAttribute(FRESH_TOKENS);
            if (tokens == null) {
                tokens = session.getAttribute(TokenSet.SESSION_ATTRIBUTE);
            }
            if (tokens == null) {
                return endSession(session);
            }
            Mono<TokenSet> usable = policy.needsRefresh(tokens, clock.instant()) ? refreshed(exchange, session, tokens)
                    : Mono.just(tokens);
            return usable.flatMap(current -> call.apply(current.accessToken()).flatMap(result -> {
                if (!unauthorized.test(result)) {
                    return Mono.just(result);
                }
                return refreshed(exchange, session, current).flatMap(fresh -> call.apply(fresh.accessToken()))
                    .flatMap(retried -> unauthorized.test(retried) ? endSession(session) : Mono.just(retried));
            }));
        });
    }

    private Mono<TokenSet> refreshed(ServerWebExchange exchange, WebSession session, TokenSet stale) {
        return refresher.refresh(session.getId(), stale, ClientAddress.of(exchange))
            .doOnNext(fresh -> exchange.getAttributes().put(FRESH_TOKENS, fresh))
            .onErrorResume(AuthExceptions.RefreshRejected.class, ex -> endSession(session));
    }

    private static <T> Mono<T> endSession(WebSession session) {
        session.getAttributes().clear();
        return session.invalidate().onErrorResume(ex -> Mono.empty()).then(Mono.error(new SessionEndedException()));
    }

}
