package com.acme.shop.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.SignedJWT;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Key lookup for access tokens (B3): keys come only from the pinned JWKS, matched by
 * {@code kid}; the {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} headers are
 * never read. An unknown {@code kid} causes at most one JWKS refresh per
 * {@link #MIN_REFRESH_INTERVAL}; a cached set older than {@link #MAX_AGE} is refreshed on
 * the next lookup. Fetches are single-flight; a failed fetch keeps the previous keys.
 */
final class PinnedJwkSource implements Function<SignedJWT, Flux<JWK>> {

    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final int MAX_KID_LENGTH = 256;

    private static final Log log = LogFactory.getLog(PinnedJwkSource.class);

    private final Supplier<Mono<JWKSet>> loader;

    private final Clock clock;

    private final Object lock = new Object();

    private volatile JWKSet keys = new JWKSet();

    private volatile Instant loadedAt; // null until the first successful load

    private volatile Instant lastAttempt; // null until the first attempt

    private volatile boolean lastAttemptFailed;

    private Mono<JWKSet> inFlight; // guarded by lock

    PinnedJwkSource(Supplier<Mono<JWKSet>> loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            return Flux.empty();
        }
        List<JWK> found = select(keys, kid);
        Instant now = clock.instant();
        boolean stale = loadedAt == null || loadedAt.plus(MAX_AGE).isBefore(now);
        if (!found.isEmpty() && !stale) {
            return Flux.fromIterable(found);
        }
        Mono<JWKSet> refresh = refreshIfAllowed(now);
        if (refresh == null) {
            return Flux.fromIterable(found);
        }
        return refresh.flatMapIterable(set -> select(set, kid));
    }

    private Mono<JWKSet> refreshIfAllowed(Instant now) {
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            if (lastAttempt != null) {
                Duration interval = lastAttemptFailed ? RETRY_AFTER_FAILURE : MIN_REFRESH_INTERVAL;
                if (now.isBefore(lastAttempt.plus(interval))) {
                    return null;
                }
            }
            lastAttempt = now;
            // cleared before the keys reach the caller (doOnNext), not after (doFinally
            // alone runs once the caller
            // already has them): a lookup right after must never be handed this finished
            // fetch's old keys
            @SuppressWarnings("unchecked")
            Mono<JWKSet>[] self = new Mono[1];
            Mono<JWKSet> fetch = Mono.defer(loader).timeout(Duration.ofSeconds(5)).map(set -> {
                keys = set.toPublicJWKSet();
                loadedAt = clock.instant();
                lastAttemptFailed = false;
                return keys;
            }).onErrorResume(e -> {
                lastAttemptFailed = true;
                log.warn("Could not load the JWKS: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return Mono.just(keys);
            }).doOnNext(set -> finished(self[0])).doFinally(signal -> finished(self[0])).cache();
            self[0] = fetch;
            inFlight = fetch;
            return fetch;
        }
    }

    private void finished(Mono<JWKSet> fetch) {
        synchronized (lock) {
            if (inFlight == fetch) {
                inFlight = null;
            }
        }
    }

    /** Only ES256-capable public P-256 keys with this exact {@code kid}. */
    static List<JWK> select(JWKSet set, String kid) {
        return set.getKeys()
            .stream()
            .filter(key -> kid.equals(key.getKeyID()))
            .filter(key -> key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
            .filter(key -> key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))
            .filter(key -> key.getAlgorithm() == null || JWSAlgorithm.ES256.equals(key.getAlgorithm()))
            .map(JWK::toPublicJWK)
            .toList();
    }

}
