package com.acme.shop.web.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

import com.acme.shop.web.WebUiProperties;

import reactor.core.publisher.Mono;

/**
 * Refreshes a session's tokens exactly once, however many requests (on however many
 * web-ui instances) find them expired at the same time: single-flight per instance, a
 * Redis lock ({@code SET NX PX}) keyed by session id across instances, and, under the
 * lock, a re-read of the session so a refresh token that another request already rotated
 * is never presented again (B11). The lock lives longer than the call to auth can take
 * ({@code shop.web.refresh-lock-ttl} &gt; {@code shop.web.upstream-timeout}), and it is
 * not released early when that call ends without a definite answer.
 */
@Component
class TokenRefresher {

    private static final String LOCK_PREFIX = "shop:web:refresh-lock:";

    private static final RedisScript<Long> UNLOCK = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private static final Duration POLL = Duration.ofMillis(50);

    private final AuthClient authClient;

    private final ReactiveStringRedisTemplate redis;

    private final ReactiveSessionRepository<Session> sessions;

    private final WebUiProperties properties;

    private final Clock clock;

    private final Map<String, Mono<TokenSet>> inFlight = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    TokenRefresher(AuthClient authClient, ReactiveStringRedisTemplate redis,
            ReactiveSessionRepository<? extends Session> sessions, WebUiProperties properties, Clock clock) {
        this.authClient = authClient;
        this.redis = redis;
        this.sessions = (ReactiveSessionRepository<Session>) sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Fresh tokens for the session that holds {@code stale}, asked for by the browser at
     * {@code clientAddress}. Fails with {@link AuthExceptions.RefreshRejected} when the
     * session is over.
     */
    public Mono<TokenSet> refresh(String sessionId, TokenSet stale, ClientAddress clientAddress) {
        String key = sessionId + '\n' + stale.refreshToken();
        return Mono.defer(() -> inFlight.computeIfAbsent(key,
                k -> coordinated(sessionId, stale, clientAddress, clock.instant().plus(properties.refreshWait()))
                    .doFinally(signal -> inFlight.remove(k))
                    .cache()));
    }

    private Mono<TokenSet> coordinated(String sessionId, TokenSet stale, ClientAddress clientAddress,
            Instant deadline) {
        String lockKey = LOCK_PREFIX + sessionId;
        String owner = UUID.randomUUID().toString();
        return redis.opsForValue()
            .setIfAbsent(lockKey, owner, properties.refreshLockTtl())
            .flatMap(
                    acquired -> Boolean.TRUE.equals(acquired)
                            ? underLock(sessionId, stale, clientAddress)
                                .flatMap(tokens -> unlock(lockKey, owner).thenReturn(tokens))
                                .onErrorResume(ex -> outcomeUnknown(ex) ? Mono.error(ex)
                                        : unlock(lockKey, owner).then(Mono.error(ex)))
                            : awaitOther(sessionId, stale, clientAddress, deadline));
    }

    /**
     * The call to auth timed out or failed without a definite answer: auth may still be
     * rotating the refresh token. The lock is then kept until it expires rather than
     * released, so no request on any replica presents the same refresh token while auth
     * may still be working on it (B11).
     */
    private static boolean outcomeUnknown(Throwable ex) {
        return ex instanceof AuthExceptions.Unavailable;
    }

    private Mono<TokenSet> underLock(String sessionId, TokenSet stale, ClientAddress clientAddress) {
        return currentTokens(sessionId).flatMap(current -> {
            if (!current.refreshToken().equals(stale.refreshToken())) {
                return Mono.just(current);
            }
            return authClient.refresh(stale.refreshToken(), clientAddress)
                .flatMap(fresh -> store(sessionId, fresh).thenReturn(fresh));
        });
    }

    private Mono<TokenSet> awaitOther(String sessionId, TokenSet stale, ClientAddress clientAddress, Instant deadline) {
        return Mono.delay(POLL).then(currentTokens(sessionId)).flatMap(current -> {
            if (!current.refreshToken().equals(stale.refreshToken())) {
                return Mono.just(current);
            }
            if (clock.instant().isAfter(deadline)) {
                return Mono.error(new AuthExceptions.Unavailable("waited too long for a concurrent token refresh"));
            }
            return redis.hasKey(LOCK_PREFIX + sessionId)
                .flatMap(locked -> Boolean.TRUE.equals(locked) ? awaitOther(sessionId, stale, clientAddress, deadline)
                        : coordinated(sessionId, stale, clientAddress, deadline));
        });
    }

    private Mono<TokenSet> currentTokens(String sessionId) {
        return sessions.findById(sessionId)
            .mapNotNull(session -> session.<TokenSet>getAttribute(TokenSet.SESSION_ATTRIBUTE))
            .switchIfEmpty(Mono.error(AuthExceptions.RefreshRejected::new));
    }

    private Mono<Void> store(String sessionId, TokenSet fresh) {
        return sessions.findById(sessionId).flatMap(session -> {
            session.setAttribute(TokenSet.SESSION_ATTRIBUTE, fresh);
            return sessions.save(session);
        });
    }

    private Mono<Void> unlock(String lockKey, String owner) {
        return redis.execute(UNLOCK, java.util.List.of(lockKey), java.util.List.of(owner))
            .then()
            .onErrorResume(ex -> Mono.empty());
    }

}
