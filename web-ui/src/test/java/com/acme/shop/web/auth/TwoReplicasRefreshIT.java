package com.acme.shop.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

import com.acme.shop.web.StubUpstreams;
import com.acme.shop.web.WebUiIT;
import com.acme.shop.web.WebUiProperties;

import reactor.core.publisher.Flux;

/** Two web-ui replicas (two refreshers sharing Redis) refreshing one session call auth exactly once. */
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

    @Test
    void twoReplicasRefreshingOneSessionCallAuthOnceAndAgreeOnTheNewTokens() {
        TokenSet stale = authClient.login(StubUpstreams.USER_EMAIL, StubUpstreams.PASSWORD, null).block();
        var session = sessions.createSession().block();
        session.setAttribute(TokenSet.SESSION_ATTRIBUTE, stale);
        sessions.save(session).block();
        TokenRefresher replicaA = new TokenRefresher(authClient, redis, sessions, properties, Clock.systemUTC());
        TokenRefresher replicaB = new TokenRefresher(authClient, redis, sessions, properties, Clock.systemUTC());
        stubs.refreshDelayMillis.set(300);

        List<TokenSet> results = Flux.merge(replicaA.refresh(session.getId(), stale, null), replicaB.refresh(session.getId(), stale, null),
                replicaA.refresh(session.getId(), stale, null), replicaB.refresh(session.getId(), stale, null)).collectList().block(Duration.ofSeconds(20));

        assertThat(stubs.refreshCalls.get()).isEqualTo(1);
        assertThat(stubs.reuseDetected.get()).isZero();
        assertThat(results).hasSize(4).extracting(TokenSet::refreshToken).containsOnly(results.get(0).refreshToken())
                .doesNotContain(stale.refreshToken());
        TokenSet stored = sessions.findById(session.getId()).block().getAttribute(TokenSet.SESSION_ATTRIBUTE);
        assertThat(stored.refreshToken()).isEqualTo(results.get(0).refreshToken());
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
