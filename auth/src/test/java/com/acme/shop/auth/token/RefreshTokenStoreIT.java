package com.acme.shop.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.common.testing.MutableClock;
import com.acme.shop.auth.token.RefreshTokenStore.RefreshTokenOwner;
import com.acme.shop.auth.token.RefreshTokenStore.Rotation.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh-token state against the real Redis: hashing, expiry (B12) and family revocation (B11). */
class RefreshTokenStoreIT extends AuthItSupport {

    @Autowired
    ReactiveStringRedisTemplate redis;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final TokenProperties properties = new TokenProperties("shop-auth", null, null, null, null, null);

    private RefreshTokenStore store() {
        return new RefreshTokenStore(redis, properties, clock);
    }

    private IssuedAccessToken accessToken() {
        Instant now = clock.instant();
        return new IssuedAccessToken("unused", UUID.randomUUID().toString(), now, now.plusSeconds(300));
    }

    @Test
    void storesOnlyTheHashWithASevenDayIdleExpiry() {
        String token = store().startFamily(UUID.randomUUID(), accessToken()).block();

        assertThat(redis.hasKey(RefreshTokenStore.RT_PREFIX + token).block()).isFalse();
        String key = RefreshTokenStore.RT_PREFIX + RefreshTokenStore.hash(token);
        assertThat(redis.hasKey(key).block()).isTrue();
        assertThat(redis.getExpire(key).block()).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
    }

    @Test
    void aFamilyDiesThirtyDaysAfterLoginHoweverOftenItIsRotated() {
        RefreshTokenStore store = store();
        UUID user = UUID.randomUUID();
        String token = store.startFamily(user, accessToken()).block();
        for (int rotation = 0; rotation < 4; rotation++) { // days 6, 12, 18, 24
            clock.advance(Duration.ofDays(6));
            RefreshTokenOwner owner = store.find(token).block();
            var rotated = store.rotate(token, owner, accessToken()).block();
            assertThat(rotated.outcome()).isEqualTo(Outcome.ROTATED);
            token = rotated.refreshToken();
        }
        clock.advance(Duration.ofDays(6)); // day 30
        RefreshTokenOwner owner = store.find(token).block();
        assertThat(store.rotate(token, owner, accessToken()).block().outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void reuseRevokesTheFamilyAndDenylistsItsAccessTokensUntilTheyExpire() {
        RefreshTokenStore store = store();
        IssuedAccessToken first = accessToken();
        String rt1 = store.startFamily(UUID.randomUUID(), first).block();
        RefreshTokenOwner owner = store.find(rt1).block();
        IssuedAccessToken second = accessToken();
        String rt2 = store.rotate(rt1, owner, second).block().refreshToken();

        assertThat(store.rotate(rt1, owner, accessToken()).block().outcome()).isEqualTo(Outcome.REUSED);

        assertThat(store.find(rt2).block()).isNull();
        for (IssuedAccessToken token : new IssuedAccessToken[] { first, second }) {
            String deny = "deny:shop-auth:" + token.jti();
            assertThat(redis.opsForValue().get(deny).block()).isEqualTo("1");
            assertThat(redis.getExpire(deny).block()).isBetween(Duration.ofSeconds(300), Duration.ofSeconds(360));
        }
    }

    @Test
    void revokingAllFamiliesOfAUserLeavesOtherUsersAlone() {
        RefreshTokenStore store = store();
        UUID user = UUID.randomUUID();
        IssuedAccessToken laptop = accessToken();
        IssuedAccessToken phone = accessToken();
        String rtLaptop = store.startFamily(user, laptop).block();
        String rtPhone = store.startFamily(user, phone).block();
        String rtOther = store.startFamily(UUID.randomUUID(), accessToken()).block();

        assertThat(store.revokeAllFamilies(user).block()).isEqualTo(2);

        assertThat(store.find(rtLaptop).block()).isNull();
        assertThat(store.find(rtPhone).block()).isNull();
        assertThat(store.find(rtOther).block()).isNotNull();
        for (IssuedAccessToken token : new IssuedAccessToken[] { laptop, phone }) {
            assertThat(redis.opsForValue().get("deny:shop-auth:" + token.jti()).block()).isEqualTo("1");
        }
        assertThat(redis.hasKey(RefreshTokenStore.USER_PREFIX + user).block()).isFalse();
        assertThat(store.revokeAllFamilies(user).block()).isZero();
    }

    @Test
    void theListOfAUsersFamiliesLivesAsLongAsItsNewestFamily() {
        UUID user = UUID.randomUUID();
        store().startFamily(user, accessToken()).block();

        assertThat(redis.getExpire(RefreshTokenStore.USER_PREFIX + user).block())
                .isBetween(Duration.ofDays(30), Duration.ofDays(30).plusSeconds(60));
    }

    @Test
    void malformedTokensAreNeverLookedUp() {
        assertThat(store().find("short").block()).isNull();
        assertThat(store().find("x".repeat(42) + "!").block()).isNull();
    }
}
