package com.acme.shop.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.reactive.function.client.WebClient;

import com.acme.shop.web.StubUpstreams;
import com.acme.shop.web.WebUiIT;
import com.acme.shop.web.WebUiProperties;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Two web-ui replicas (two refreshers sharing Redis) refreshing one session call auth
 * exactly once.
 */
class TwoReplicasRefreshIT extends WebUiIT {

    @Autowired
    AuthClient authClient;

    ReactiveSessionRepository<Session> sessions;

    @Autowired
    @SuppressWarnings("unchecked")
    void sessions(ReactiveSessionRepository<? extends Session> repository) {
        this.sessions = (ReactiveSessionRepository<Session>) repository;
    }

    @Autowired
    WebUiProperties properties;

    @Autowired
    WebClient.Builder webClientBuilder;

    @Test
    void twoReplicasRefreshingOneSessionCallAuthOnceAndAgreeOnTheNewTokens() {
        TokenSet stale = authClient.login(StubUpstreams.USER_EMAIL, StubUpstreams.PASSWORD, null).block();
        var session = sessions.createSession().block();
        session.setAttribute(TokenSet.SESSION_ATTRIBUTE, stale);
        sessions.save(session).block();
        TokenRefresher replicaA = new TokenRefresher(authClient, redis, sessions, properties, Clock.systemUTC());
        TokenRefresher replicaB = new TokenRefresher(authClient, redis, sessions, properties, Clock.systemUTC());
        stubs.refreshDelayMillis.set(300);

        List<TokenSet> results = Flux
            .merge(replicaA.refresh(session.getId(), stale, null), replicaB.refresh(session.getId(), stale, null),
                    replicaA.refresh(session.getId(), stale, null), replicaB.refresh(session.getId(), stale, null))
            .collectList()
            .block(Duration.ofSeconds(20));

        assertThat(stubs.refreshCalls.get()).isEqualTo(1);
        assertThat(stubs.reuseDetected.get()).isZero();
        assertThat(results).hasSize(4)
            .extracting(TokenSet::refreshToken)
            .containsOnly(results.get(0).refreshToken())
            .doesNotContain(stale.refreshToken());
        TokenSet stored = sessions.findById(session.getId()).block().getAttribute(TokenSet.SESSION_ATTRIBUTE);
        assertThat(stored.refreshToken()).isEqualTo(results.get(0).refreshToken());
    }

    /**
     * Auth is slower than web-ui's timeout, so replica A gives up while auth still
     * rotates the refresh token. A keeps the lock until it expires instead of releasing
     * it, so replica B, waiting for A's refresh, never presents the same refresh token
     * (which would trip reuse detection and revoke the family, B11).
     */
    @Test
    void aRefreshThatTimesOutKeepsTheLockSoNoReplicaPresentsTheSameTokenWhileAuthMayStillRotateIt() {
        WebUiProperties slowAuth = new WebUiProperties(properties.authServerUrl(), properties.gatewayUrl(), "SID",
                false, Duration.ofHours(12), Duration.ofSeconds(30), null, Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofSeconds(1));
        AuthClient impatient = new AuthClient(webClientBuilder, slowAuth, Clock.systemUTC());
        TokenSet stale = authClient.login(StubUpstreams.USER_EMAIL, StubUpstreams.PASSWORD, null).block();
        var session = sessions.createSession().block();
        session.setAttribute(TokenSet.SESSION_ATTRIBUTE, stale);
        sessions.save(session).block();
        TokenRefresher replicaA = new TokenRefresher(impatient, redis, sessions, slowAuth, Clock.systemUTC());
        TokenRefresher replicaB = new TokenRefresher(impatient, redis, sessions, slowAuth, Clock.systemUTC());
        stubs.refreshDelayMillis.set(1500);

        List<String> outcomes = Flux
            .merge(replicaA.refresh(session.getId(), stale, null)
                .map(t -> "A refreshed")
                .onErrorResume(ex -> Mono.just("A: " + ex.getClass().getSimpleName())),
                    Mono.delay(Duration.ofMillis(200))
                        .then(replicaB.refresh(session.getId(), stale, null))
                        .map(t -> "B refreshed")
                        .onErrorResume(ex -> Mono.just("B: " + ex.getClass().getSimpleName())))
            .collectList()
            .block(Duration.ofSeconds(20));
        Awaitility.await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> stubs.refreshesProcessed.get() == stubs.refreshCalls.get());

        assertThat(outcomes).containsExactlyInAnyOrder("A: Unavailable", "B: Unavailable");
        assertThat(stubs.refreshCalls.get()).isEqualTo(1);
        assertThat(stubs.reuseDetected.get()).isZero();
        assertThat(redis.getExpire("shop:web:refresh-lock:" + session.getId()).block())
            .as("the lock is still held, for upstream timeout + margin")
            .isPositive();
    }

    @Test
    void aLateRequestWithTheRotatedTokenGetsTheNewTokensWithoutAnotherRefresh() {
        TokenSet stale = authClient.login(StubUpstreams.USER_EMAIL, StubUpstreams.PASSWORD, null).block();
        var session = sessions.createSession().block();
        session.setAttribute(TokenSet.SESSION_ATTRIBUTE, stale);
        sessions.save(session).block();
        TokenRefresher refresher = new TokenRefresher(authClient, redis, sessions, properties, Clock.systemUTC());

        TokenSet first = refresher.refresh(session.getId(), stale, null).block();
        TokenSet late = refresher.refresh(session.getId(), stale, null).block();

        assertThat(late.refreshToken()).isEqualTo(first.refreshToken());
        assertThat(stubs.refreshCalls.get()).isEqualTo(1);
        assertThat(stubs.reuseDetected.get()).isZero();
    }

}
