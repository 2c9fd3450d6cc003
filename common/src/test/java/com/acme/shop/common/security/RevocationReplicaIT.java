package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import com.acme.shop.common.security.RevocationReplica.Verdict;
import com.acme.shop.common.testing.FreezableTcpProxy;
import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.RedisConnection;
import com.acme.shop.infra.TestInfra;
import io.lettuce.core.RedisClient;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The local replica of the revocation state against a real Redis (issue 10, rules B12,
 * B13): answers from memory while in sync, sees what anybody writes to Redis, falls back
 * to Redis (and fails closed) whenever it cannot be sure.
 */
class RevocationReplicaIT {

    static final String AUDIENCE = "shop-test";

    static TestTokens tokens;

    static TestRedis redis;

    static RevocationReplica replica = new RevocationReplica(RevocationFeed.ALIVE_WINDOW);

    static RevocationFeed feed;

    static ReactiveJwtDecoder decoder;

    @BeforeAll
    static void start() {
        tokens = TestTokens.builder().audiences(AUDIENCE).build();
        redis = TestRedis.connect();
        feed = feed(redis.factory(), replica);
        decoder = AccessTokenDecoders.create(
                new AccessTokenProperties(TestTokens.ISSUER, AUDIENCE, tokens.jwksUri(), null, true), redis.template,
                ObservationRegistry.NOOP, replica);
    }

    @AfterAll
    static void stop() throws Exception {
        feed.close();
        tokens.close();
        redis.close();
    }

    static RevocationFeed feed(LettuceConnectionFactory factory, RevocationReplica fed) {
        RedisClient client = (RedisClient) factory.getRequiredNativeClient();
        return new RevocationFeed(client, factory.getDatabase(), TestTokens.ISSUER, fed).start();
    }

    @BeforeEach
    void inSync() {
        await().atMost(Duration.ofSeconds(30)).until(replica::isInSync);
    }

    private static Jwt decode(String token) {
        return decoder.decode(token).block(Duration.ofSeconds(10));
    }

    private static long mgetCalls() {
        Properties stats = redis.template.execute(connection -> connection.serverCommands().info("commandstats"))
            .blockFirst(Duration.ofSeconds(5));
        String mget = stats.getProperty("cmdstat_mget");
        if (mget == null) {
            return 0;
        }
        String calls = mget.substring(mget.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
    }

    private static void set(String key, String value) {
        redis.template.opsForValue().set(key, value, Duration.ofSeconds(120)).block(Duration.ofSeconds(5));
    }

    @Test
    void inSyncItAnswersWithoutAskingRedis() {
        String token = tokens.token().jti(UUID.randomUUID().toString()).sign();
        assertThat(decode(token)).isNotNull();
        long before = mgetCalls();
        for (int i = 0; i < 20; i++) {
            assertThat(decode(token)).isNotNull();
        }
        assertThat(mgetCalls()).isEqualTo(before);
    }

    @Test
    void aDenylistEntryWrittenByAnotherClientRevokesTheTokenInMemory() {
        String jti = UUID.randomUUID().toString();
        String token = tokens.token().jti(jti).sign();
        Jwt jwt = decode(token);
        String denyKey = RevocationKeys.denylist(TestTokens.ISSUER, jti);
        String tvaKey = RevocationKeys.tokensValidAfter(TestTokens.ISSUER, jwt.getSubject());
        assertThat(replica.check(denyKey, tvaKey, jwt.getIssuedAt())).isEqualTo(Verdict.VALID);

        set(denyKey, "1");

        await().atMost(Duration.ofSeconds(2))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> replica.check(denyKey, tvaKey, jwt.getIssuedAt()) == Verdict.REVOKED);
        assertThatThrownBy(() -> decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aPasswordChangeRevokesTheSubjectsOlderTokensInMemory() {
        String subject = UUID.randomUUID().toString();
        String older = tokens.token().subject(subject).issuedAt(Instant.now().minusSeconds(30)).sign();
        assertThat(decode(older)).isNotNull();

        set(RevocationKeys.tokensValidAfter(TestTokens.ISSUER, subject),
                Long.toString(Instant.now().minusSeconds(10).toEpochMilli()));

        await().atMost(Duration.ofSeconds(2))
            .pollInterval(Duration.ofMillis(5))
            .untilAsserted(() -> assertThatThrownBy(() -> decode(older)).isInstanceOf(BadJwtException.class));
        assertThat(decode(tokens.token().subject(subject).sign())).isNotNull();
    }

    @Test
    void notificationsSwitchedOffBehindItsBackAreSwitchedOnAgainAndWhatWasMissedIsRead() {
        String jti = UUID.randomUUID().toString();
        String token = tokens.token().jti(jti).sign();
        assertThat(decode(token)).isNotNull();
        String flags = config();
        try {
            redis.template.execute(c -> c.serverCommands().setConfig("notify-keyspace-events", ""))
                .blockLast(Duration.ofSeconds(5));
            set(RevocationKeys.denylist(TestTokens.ISSUER, jti), "1");

            await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThatThrownBy(() -> decode(token)).isInstanceOf(BadJwtException.class));
            await().atMost(Duration.ofSeconds(10)).until(() -> RevocationFeed.mergedFlags(config()).equals(config()));
        }
        finally {
            if (!RevocationFeed.mergedFlags(config()).equals(config())) {
                redis.template.execute(c -> c.serverCommands().setConfig("notify-keyspace-events", flags))
                    .blockLast(Duration.ofSeconds(5));
            }
        }
    }

    private static String config() {
        return redis.template.execute(c -> c.serverCommands().getConfig("notify-keyspace-events"))
            .blockFirst(Duration.ofSeconds(5))
            .getProperty("notify-keyspace-events");
    }

    @Test
    void whileRedisIsDownEveryCheckFailsClosedAndAfterwardsTheReplicaResyncs() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestInfra.redisIsEmbedded());
        String token = tokens.user();
        assertThat(decode(token)).isNotNull();
        TestInfra.stopRedis();
        try {
            await().atMost(Duration.ofSeconds(2)).until(() -> !replica.isInSync());
            assertThatThrownBy(() -> decode(token)).isInstanceOf(TokenCheckUnavailableException.class);
        }
        finally {
            TestInfra.startRedis();
        }
        await().atMost(Duration.ofSeconds(30)).until(replica::isInSync);
        assertThat(decode(token)).isNotNull();
        String jti = UUID.randomUUID().toString();
        String later = tokens.token().jti(jti).sign();
        set(RevocationKeys.denylist(TestTokens.ISSUER, jti), "1");
        await().atMost(Duration.ofSeconds(2))
            .pollInterval(Duration.ofMillis(5))
            .untilAsserted(() -> assertThatThrownBy(() -> decode(later)).isInstanceOf(BadJwtException.class));
    }

    @Test
    void aFeedThatStopsAnsweringIsOutOfSyncWithinTheAliveWindowAndResyncsWhenItAnswersAgain() throws Exception {
        RedisConnection target = TestInfra.redis();
        try (FreezableTcpProxy proxy = new FreezableTcpProxy(target.host(), target.port())) {
            RedisStandaloneConfiguration config = new RedisStandaloneConfiguration("127.0.0.1", proxy.port());
            config.setDatabase(target.database());
            if (target.password() != null) {
                config.setPassword(target.password());
            }
            LettuceConnectionFactory factory = new LettuceConnectionFactory(config,
                    LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
            factory.afterPropertiesSet();
            factory.start();
            RevocationReplica partitioned = new RevocationReplica(RevocationFeed.ALIVE_WINDOW);
            try (RevocationFeed partitionedFeed = feed(factory, partitioned)) {
                await().atMost(Duration.ofSeconds(30)).until(partitioned::isInSync);
                proxy.freeze();
                long frozenAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(6)).until(() -> !partitioned.isInSync());
                assertThat(Duration.ofNanos(System.nanoTime() - frozenAt))
                    .isLessThanOrEqualTo(RevocationFeed.ALIVE_WINDOW.plus(RevocationFeed.HEARTBEAT));
                proxy.resume();
                await().atMost(Duration.ofSeconds(30)).until(partitioned::isInSync);
            }
            finally {
                factory.destroy();
            }
        }
    }

}
