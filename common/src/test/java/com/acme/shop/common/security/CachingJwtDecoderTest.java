package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.acme.shop.common.testing.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static final Duration SKEW = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(NOW);

    private final AtomicLong tickerNanos = new AtomicLong();

    private final CountingVerifier verifier = new CountingVerifier(clock);

    private CachingJwtDecoder cache(int maxSize) {
        return new CachingJwtDecoder(verifier, maxSize, SKEW, clock, tickerNanos::get, Runnable::run);
    }

    private static Jwt decode(ReactiveJwtDecoder decoder, String token) {
        return decoder.decode(token).block(Duration.ofSeconds(5));
    }

    @Test
    void verifiesTheSameTokenOnlyOnceWhileItIsValid() {
        CachingJwtDecoder decoder = cache(100);
        String token = verifier.issue("alice", NOW.plusSeconds(300));

        Jwt first = decode(decoder, token);
        Jwt second = decode(decoder, token);

        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(second).isSameAs(first);
        assertThat(verifier.calls()).isEqualTo(1);
    }

    @Test
    void keepsServingACachedTokenWithinTheClockSkewAfterExp() {
        CachingJwtDecoder decoder = cache(100);
        String token = verifier.issue("alice", NOW.plusSeconds(300));
        decode(decoder, token);

        clock.advance(Duration.ofSeconds(300 + 60));

        assertThat(decode(decoder, token).getSubject()).isEqualTo("alice");
        assertThat(verifier.calls()).isEqualTo(1);
    }

    @Test
    void verifiesAnExpiredCachedTokenAgainAndRejectsIt() {
        CachingJwtDecoder decoder = cache(100);
        String token = verifier.issue("alice", NOW.plusSeconds(300));
        decode(decoder, token);

        // only the decoder's clock moves (the cache's own timer has not fired yet): the
        // hit is re-checked
        clock.advance(Duration.ofSeconds(300 + 61));

        assertThatThrownBy(() -> decode(decoder, token)).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls()).isEqualTo(2);
        assertThatThrownBy(() -> decode(decoder, token)).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls()).isEqualTo(3);
    }

    @Test
    void dropsAnEntryAfterTenMinutesEvenIfExpIsLater() {
        CachingJwtDecoder decoder = cache(100);
        String token = verifier.issue("alice", NOW.plus(Duration.ofHours(1)));
        decode(decoder, token);

        tickerNanos.addAndGet(CachingJwtDecoder.MAX_ENTRY_LIFETIME.minusSeconds(1).toNanos());
        decode(decoder, token);
        assertThat(verifier.calls()).isEqualTo(1);

        tickerNanos.addAndGet(Duration.ofSeconds(2).toNanos());
        decode(decoder, token);
        assertThat(verifier.calls()).isEqualTo(2);
    }

    @Test
    void dropsAnEntryWhenItsExpPlusSkewHasPassedOnTheCacheTimer() {
        CachingJwtDecoder decoder = cache(100);
        String token = verifier.issue("alice", NOW.plusSeconds(120));
        decode(decoder, token);

        tickerNanos.addAndGet(Duration.ofSeconds(120 + 60 + 1).toNanos());

        assertThat(decoder.size()).isZero();
    }

    @Test
    void verifiesATokenThatDiffersInOneByteAndRejectsIt() {
        CachingJwtDecoder decoder = cache(100);
        String token = verifier.issue("alice", NOW.plusSeconds(300));
        decode(decoder, token);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (char) (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> decode(decoder, tampered)).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls()).isEqualTo(2);
        assertThat(decode(decoder, token).getSubject()).isEqualTo("alice");
        assertThat(verifier.calls()).isEqualTo(2);
    }

    @Test
    void neverCachesAFailure() {
        CachingJwtDecoder decoder = cache(100);
        String token = verifier.issue("alice", NOW.plusSeconds(300));
        verifier.failNextCalls(2);

        assertThatThrownBy(() -> decode(decoder, token)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decode(decoder, token)).isInstanceOf(BadJwtException.class);
        assertThat(decode(decoder, token).getSubject()).isEqualTo("alice");
        assertThat(verifier.calls()).isEqualTo(3);
        assertThatThrownBy(() -> decode(decoder, "not-a-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decode(decoder, "not-a-token")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls()).isEqualTo(5);
        assertThat(decoder.size()).isEqualTo(1);
    }

    @Test
    void keepsNoMoreThanMaxSizeTokens() {
        CachingJwtDecoder decoder = cache(3);
        for (int i = 0; i < 10; i++) {
            decode(decoder, verifier.issue("user-" + i, NOW.plusSeconds(300)));
        }
        assertThat(decoder.size()).isLessThanOrEqualTo(3);
        assertThat(verifier.calls()).isEqualTo(10);

        for (int i = 0; i < 10; i++) {
            decode(decoder, verifier.token("user-" + i));
        }
        assertThat(verifier.calls()).isGreaterThanOrEqualTo(10 + 7);
        assertThat(decoder.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void alwaysDelegatesWhenTheCacheIsDisabled() {
        AccessTokenProperties props = new AccessTokenProperties("shop-test")
            .withCache(AccessTokenProperties.TokenCache.DISABLED);
        ReactiveJwtDecoder decoder = AccessTokenDecoders.cached(verifier, props, clock);
        String token = verifier.issue("alice", NOW.plusSeconds(300));

        decode(decoder, token);
        decode(decoder, token);

        assertThat(decoder).isSameAs(verifier);
        assertThat(verifier.calls()).isEqualTo(2);
    }

    @Test
    void cachesByDefaultWithTenThousandEntries() {
        AccessTokenProperties props = new AccessTokenProperties("shop-test");
        assertThat(props.cache().enabled()).isTrue();
        assertThat(props.cache().maxSize()).isEqualTo(10_000);
        ReactiveJwtDecoder decoder = AccessTokenDecoders.cached(verifier, props, clock);
        String token = verifier.issue("alice", NOW.plusSeconds(300));

        decode(decoder, token);
        decode(decoder, token);

        assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
        assertThat(verifier.calls()).isEqualTo(1);
    }

    @Test
    void refusesAMaxSizeBelowOne() {
        assertThatThrownBy(() -> new AccessTokenProperties.TokenCache(true, 0))
            .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Stands in for the Nimbus decoder: accepts only tokens it issued, checks
     * {@code now <= exp + skew} with the shared clock, and counts every verification.
     */
    private static final class CountingVerifier implements ReactiveJwtDecoder {

        private final Clock clock;

        private final Map<String, Jwt> issued = new ConcurrentHashMap<>();

        private final Map<String, String> bySubject = new ConcurrentHashMap<>();

        private final AtomicInteger calls = new AtomicInteger();

        private final AtomicInteger failuresLeft = new AtomicInteger();

        CountingVerifier(Clock clock) {
            this.clock = clock;
        }

        String issue(String subject, Instant exp) {
            String token = "header." + subject + "-" + exp.getEpochSecond() + ".signatureXYZ";
            issued.put(token,
                    Jwt.withTokenValue(token)
                        .header("alg", "ES256")
                        .subject(subject)
                        .jti(subject)
                        .issuedAt(exp.minusSeconds(300))
                        .expiresAt(exp)
                        .build());
            bySubject.put(subject, token);
            return token;
        }

        String token(String subject) {
            return bySubject.get(subject);
        }

        void failNextCalls(int n) {
            failuresLeft.set(n);
        }

        int calls() {
            return calls.get();
        }

        @Override
        public Mono<Jwt> decode(String token) {
            return Mono.defer(() -> {
                calls.incrementAndGet();
                Jwt jwt = issued.get(token);
                if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || jwt == null
                        || clock.instant().isAfter(jwt.getExpiresAt().plus(SKEW))) {
                    return Mono.error(new BadJwtException("Invalid token"));
                }
                return Mono.just(jwt);
            });
        }

    }

}
