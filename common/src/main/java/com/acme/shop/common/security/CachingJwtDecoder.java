package com.acme.shop.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers access tokens that the wrapped verifier fully accepted (signature,
 * {@code alg}, {@code typ}, {@code iss}, {@code aud}, required claims, timestamps), so
 * that the same token is not signature-checked again until it expires: an ES256
 * verification costs ~0.7 ms of CPU, and every request is verified by the gateway and
 * again by the service behind it.
 * <ul>
 * <li>The key is the exact token string, so a token that differs in any byte is a miss
 * and is fully verified.</li>
 * <li>Only successes are cached; a rejected token is verified again on every call.</li>
 * <li>An entry lives until the token's {@code exp} + clock skew and never longer than
 * {@link #MAX_ENTRY_LIFETIME}; on a hit {@code now <= exp + skew} is checked again with
 * the decoder's clock and a stale entry counts as a miss. The other time checks
 * ({@code iat}, {@code nbf} not in the future) can only get more true as time passes, so
 * they need no re-check.</li>
 * <li>At most {@code maxSize} tokens are kept (Caffeine, size-based eviction).</li>
 * <li>This sits <em>inside</em> {@link RevocationCheckingJwtDecoder}: the revocation
 * state (denylist B13, tokens-valid-after B12) is still asked on every call, cached or
 * not, so logout, reuse revocation and a password change take effect at once.</li>
 * <li>Concurrent first calls for the same token may each verify it; the last one's result
 * is kept. Nothing blocks.</li>
 * </ul>
 * <b>Trade-off:</b> a key removed from the JWKS keeps the tokens already verified with it
 * valid here until they expire (at most {@link #MAX_ENTRY_LIFETIME}; the JWKS itself is
 * cached for {@link PinnedJwkSource#MAX_AGE} anyway). A compromised signing key therefore
 * needs the denylist, or a restart, to cut its tokens off at once. Repeat calls return
 * the same {@link Jwt} instance, which callers must treat as immutable.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    /**
     * The longest any verified token is remembered, whatever its {@code exp} says (B7:
     * access tokens ≤ 10 min).
     */
    static final Duration MAX_ENTRY_LIFETIME = AccessTokenValidator.MAX_LIFETIME;

    private final ReactiveJwtDecoder verifier;

    private final Duration skew;

    private final Clock clock;

    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(ReactiveJwtDecoder verifier, int maxSize, Duration skew, Clock clock) {
        this(verifier, maxSize, skew, clock, Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    /**
     * With Caffeine's time source and maintenance executor replaceable (tests: a fake
     * ticker, {@code Runnable::run}).
     */
    CachingJwtDecoder(ReactiveJwtDecoder verifier, int maxSize, Duration skew, Clock clock, Ticker ticker,
            Executor executor) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1");
        }
        this.verifier = verifier;
        this.skew = skew;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
            .maximumSize(maxSize)
            .expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> remainingLifetime(jwt)))
            .ticker(ticker)
            .executor(executor)
            .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        if (token == null) {
            return verifier.decode(token);
        }
        return Mono.defer(() -> {
            Jwt hit = verified.getIfPresent(token);
            if (hit != null) {
                if (isUnexpired(hit)) {
                    return Mono.just(hit);
                }
                verified.asMap().remove(token, hit);
            }
            return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
        });
    }

    /**
     * How many tokens are cached right now (after pending evictions); for tests and
     * diagnostics.
     */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private void remember(String token, Jwt jwt) {
        if (isUnexpired(jwt)) {
            verified.put(token, jwt);
        }
    }

    private boolean isUnexpired(Jwt jwt) {
        Instant exp = jwt.getExpiresAt();
        return exp != null && !clock.instant().isAfter(exp.plus(skew));
    }

    private Duration remainingLifetime(Jwt jwt) {
        Instant exp = jwt.getExpiresAt();
        if (exp == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), exp.plus(skew));
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(MAX_ENTRY_LIFETIME) > 0 ? MAX_ENTRY_LIFETIME : left;
    }

}
