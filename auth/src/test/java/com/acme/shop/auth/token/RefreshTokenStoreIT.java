package com.acme.shop.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.common.security.RevocationKeys;
import com.acme.shop.common.testing.MutableClock;
import com.acme.shop.auth.token.RefreshTokenStore.RefreshTokenOwner;
import com.acme.shop.auth.token.RefreshTokenStore.Rotation.Outcome;
import com.acme.shop.auth.token.RefreshTokenStore.SessionsRevoked;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh-token state against the real Redis: hashing, expiry (B12), family revocation
 * (B11) and the tokens-valid-after instant of a password change.
 */
class RefreshTokenStoreIT extends AuthItSupport {

    @Autowired
    ReactiveStringRedisTemplate redis;

    private final MutableClock clock = new MutableClock(Instant.now());

    private final TokenProperties properties = new TokenProperties("shop-auth", null, null, null, null, null);

    private RefreshTokenStore store() {
        return new RefreshTokenStore(redis, properties, clock);
    }

    private AccessTokenSlot accessToken() {
        return new AccessTokenSlot(UUID.randomUUID().toString(), clock.instant().plusSeconds(300));
    }

    private String startFamily(RefreshTokenStore store, UUID user, AccessTokenSlot slot) {
        return store.startFamily(user, slot, store.serverTimeMillis().block()).block().refreshToken();
    }

    @Test
    void storesOnlyTheHashWithASevenDayIdleExpiry() {
        String token = startFamily(store(), UUID.randomUUID(), accessToken());

        assertThat(redis.hasKey(RefreshTokenStore.RT_PREFIX + token).block()).isFalse();
        String key = RefreshTokenStore.RT_PREFIX + RefreshTokenStore.hash(token);
        assertThat(redis.hasKey(key).block()).isTrue();
        assertThat(redis.getExpire(key).block()).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
    }

    @Test
    void aFamilyDiesThirtyDaysAfterLoginHoweverOftenItIsRotated() {
        RefreshTokenStore store = store();
        UUID user = UUID.randomUUID();
        String token = startFamily(store, user, accessToken());
        for (int rotation = 0; rotation < 4; rotation++) { // days 6, 12, 18, 24
            clock.advance(Duration.ofDays(6));
            RefreshTokenOwner owner = store.find(token).block();
            var rotated = store.rotate(token, owner, accessToken(), 0).block();
            assertThat(rotated.outcome()).isEqualTo(Outcome.ROTATED);
            token = rotated.refreshToken();
        }
        clock.advance(Duration.ofDays(6)); // day 30
        RefreshTokenOwner owner = store.find(token).block();
        assertThat(store.rotate(token, owner, accessToken(), 0).block().outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void reuseRevokesTheFamilyAndDenylistsItsAccessTokensUntilTheyExpire() {
        RefreshTokenStore store = store();
        AccessTokenSlot first = accessToken();
        String rt1 = startFamily(store, UUID.randomUUID(), first);
        RefreshTokenOwner owner = store.find(rt1).block();
        AccessTokenSlot second = accessToken();
        String rt2 = store.rotate(rt1, owner, second, 0).block().refreshToken();

        assertThat(store.rotate(rt1, owner, accessToken(), 0).block().outcome()).isEqualTo(Outcome.REUSED);

        assertThat(store.find(rt2).block()).isNull();
        for (AccessTokenSlot token : new AccessTokenSlot[] { first, second }) {
            String deny = RevocationKeys.denylist("shop-auth", token.jti());
            assertThat(redis.opsForValue().get(deny).block()).isEqualTo("1");
            assertThat(redis.getExpire(deny).block()).isBetween(Duration.ofSeconds(300), Duration.ofSeconds(360));
        }
    }

    @Test
    void revokingAllSessionsOfAUserLeavesOtherUsersAloneAndSetsTheTokensValidAfterInstant() {
        RefreshTokenStore store = store();
        UUID user = UUID.randomUUID();
        AccessTokenSlot laptop = accessToken();
        AccessTokenSlot phone = accessToken();
        String rtLaptop = startFamily(store, user, laptop);
        String rtPhone = startFamily(store, user, phone);
        String rtOther = startFamily(store, UUID.randomUUID(), accessToken());
        long before = store.serverTimeMillis().block();

        SessionsRevoked revoked = store.revokeAllSessions(user).block();

        assertThat(revoked.refreshTokensKilled()).isEqualTo(2);
        assertThat(revoked.tokensValidAfterMillis()).isBetween(before, store.serverTimeMillis().block());
        String tva = RevocationKeys.tokensValidAfter("shop-auth", user.toString());
        assertThat(redis.opsForValue().get(tva).block()).isEqualTo(Long.toString(revoked.tokensValidAfterMillis()));
        assertThat(redis.getExpire(tva).block()).isBetween(Duration.ofDays(30), Duration.ofDays(30).plusHours(1));
        assertThat(store.find(rtLaptop).block()).isNull();
        assertThat(store.find(rtPhone).block()).isNull();
        assertThat(store.find(rtOther).block()).isNotNull();
        for (AccessTokenSlot token : new AccessTokenSlot[] { laptop, phone }) {
            assertThat(redis.opsForValue().get(RevocationKeys.denylist("shop-auth", token.jti())).block())
                .isEqualTo("1");
        }
        assertThat(redis.hasKey(RefreshTokenStore.USER_PREFIX + user).block()).isFalse();
        assertThat(store.revokeAllSessions(user).block().refreshTokensKilled()).isZero();
    }

    @Test
    void aLoginThatStartedBeforeThePasswordChangeGetsNoFamily() {
        RefreshTokenStore store = store();
        UUID user = UUID.randomUUID();
        long loginStart = store.serverTimeMillis().block();
        SessionsRevoked change = store.revokeAllSessions(user).block();

        assertThat(store.startFamily(user, accessToken(), loginStart).blockOptional()).isEmpty();
        assertThat(store.startFamily(user, accessToken(), change.tokensValidAfterMillis()).blockOptional()).isEmpty();
        assertThat(redis.opsForSet().size(RefreshTokenStore.USER_PREFIX + user).block()).isZero();

        var later = store.startFamily(user, accessToken(), change.tokensValidAfterMillis() + 1).block();
        assertThat(later.refreshToken()).isNotNull();
        assertThat(later.tokensValidAfterMillis()).isEqualTo(change.tokensValidAfterMillis());
    }

    @Test
    void aFamilyBornBeforeTheTokensValidAfterInstantCannotBeRotatedAndIsRevoked() {
        RefreshTokenStore store = store();
        UUID user = UUID.randomUUID();
        AccessTokenSlot first = accessToken();
        long loginStart = store.serverTimeMillis().block();
        String rt = store.startFamily(user, first, loginStart).block().refreshToken();
        RefreshTokenOwner owner = store.find(rt).block();
        // the password change as another instance would see it: only the key, the family
        // not listed for the user
        redis.opsForValue()
            .set(RevocationKeys.tokensValidAfter("shop-auth", user.toString()), Long.toString(loginStart + 1))
            .block();

        assertThat(store.rotate(rt, owner, accessToken(), 0).block().outcome()).isEqualTo(Outcome.INVALID);
        assertThat(store.find(rt).block()).isNull();
        assertThat(redis.opsForValue().get(RevocationKeys.denylist("shop-auth", first.jti())).block()).isEqualTo("1");
    }

    @Test
    void theDurableInstantFromPostgresRefusesAnOlderFamilyWhenRedisLostTheKey() {
        RefreshTokenStore store = store();
        UUID user = UUID.randomUUID();
        long loginStart = store.serverTimeMillis().block();
        String rt = store.startFamily(user, accessToken(), loginStart).block().refreshToken();
        RefreshTokenOwner owner = store.find(rt).block();

        var rotated = store.rotate(rt, owner, accessToken(), loginStart - 1).block();
        assertThat(rotated.outcome()).isEqualTo(Outcome.ROTATED);
        assertThat(rotated.tokensValidAfterMillis()).isEqualTo(loginStart - 1);

        assertThat(store.rotate(rotated.refreshToken(), owner, accessToken(), loginStart).block().outcome())
            .isEqualTo(Outcome.INVALID);
    }

    @Test
    void theListOfAUsersFamiliesLivesAsLongAsItsNewestFamily() {
        UUID user = UUID.randomUUID();
        startFamily(store(), user, accessToken());

        assertThat(redis.getExpire(RefreshTokenStore.USER_PREFIX + user).block()).isBetween(Duration.ofDays(30),
                Duration.ofDays(30).plusSeconds(60));
    }

    @Test
    void malformedTokensAreNeverLookedUp() {
        assertThat(store().find("short").block()).isNull();
        assertThat(store().find("x".repeat(42) + "!").block()).isNull();
    }

}
