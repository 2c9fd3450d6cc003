package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.acme.shop.infra.TestInfra;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * While Redis (the session store) is down, web-ui answers 503 with {@code Retry-After},
 * fast, never 500: pages a readable HTML page, htmx requests an empty body,
 * {@code /api/**} problem+json. It recovers by itself once Redis is back. (The embedded
 * Redis is restarted in {@code finally}, for the other tests.)
 */
class RedisOutageIT extends WebUiIT {

    private static final Duration FAST = Duration.ofSeconds(3);

    @org.springframework.beans.factory.annotation.Value("${spring.data.redis.port}")
    int redisPort;

    @Test
    void whileRedisIsDownEveryKindOfRequestGets503FastAndItRecoversWithoutRestart() {
        assumeThat(TestInfra.redisIsEmbedded()).as("needs the embedded Redis to stop it").isTrue();
        Browser signedIn = loggedIn(StubUpstreams.ADMIN_EMAIL);
        signedIn.get("/members");
        String csrf = signedIn.csrf();

        TestInfra.stopRedis();
        try {
            EntityExchangeResult<String> page = timed(() -> signedIn.get("/profile"));
            assertPage(page);
            assertPage(timed(() -> browser().get("/login")));
            assertPage(timed(
                    () -> signedIn.post("/members", Map.of("email", "x@example.com", "name", "X", "_csrf", csrf))));
            assertPage(timed(() -> signedIn.post("/logout", Map.of("_csrf", csrf))));

            EntityExchangeResult<String> fragment = timed(
                    () -> signedIn.get("/members?q=a", Map.of("HX-Request", "true")));
            assertThat(fragment.getStatus().value()).isEqualTo(503);
            assertThat(fragment.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(fragment.getResponseBody()).isNullOrEmpty();

            EntityExchangeResult<String> api = timed(
                    () -> signedIn.send(HttpMethod.GET, "/api/home", null, null, Map.of("Accept", "application/json")));
            assertThat(api.getStatus().value()).isEqualTo(503);
            assertThat(api.getResponseHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(api.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(api.getResponseBody()).contains("\"status\":503");
            EntityExchangeResult<String> apiPost = timed(() -> signedIn.send(HttpMethod.POST, "/api/members",
                    "application/json", "{}", Map.of("Accept", "application/json", "X-CSRF-TOKEN", csrf)));
            assertThat(apiPost.getStatus().value()).isEqualTo(503);
            assertThat(stubs.gatewayRequests("POST", "/api/members")).isEmpty();
        }
        finally {
            TestInfra.startRedis();
        }

        await().atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(browser().get("/login").getStatus().value()).isEqualTo(200));
        Browser again = loggedIn(StubUpstreams.ADMIN_EMAIL);
        assertThat(again.get("/").getStatus().value()).isEqualTo(200);
        assertThat(again.get("/members").getStatus().value()).isEqualTo(200);
    }

    /**
     * Redis alive but not answering (blocked by {@code DEBUG SLEEP}): commands time out
     * after the short command timeout ({@code REDIS_TIMEOUT}, 2 s in the tests) and the
     * page is a 503, not a 500.
     */
    @Test
    void aHangingRedisGivesA503AfterTheShortCommandTimeout() throws Exception {
        assumeThat(TestInfra.redisIsEmbedded()).as("blocks the test Redis for seconds: only the embedded one").isTrue();
        Browser signedIn = loggedIn(StubUpstreams.USER_EMAIL);
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redisPort));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            var sleeping = connection.async()
                .dispatch(CommandType.DEBUG, new StatusOutput<>(StringCodec.UTF8),
                        new CommandArgs<>(StringCodec.UTF8).add("SLEEP").add(4));

            long start = System.nanoTime();
            EntityExchangeResult<String> page = signedIn.get("/profile");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("[redis-outage] GET /profile while Redis hangs -> " + page.getStatus().value() + " in "
                    + took.toMillis() + " ms");

            assertPage(page);
            assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofMillis(3900));
            sleeping.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        finally {
            client.shutdown();
        }
        await().atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(browser().get("/login").getStatus().value()).isEqualTo(200));
    }

    private static void assertPage(EntityExchangeResult<String> page) {
        assertThat(page.getStatus().value()).as(page.getUrl().toString()).isEqualTo(503);
        assertThat(page.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(page.getResponseHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(page.getResponseHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(page.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(page.getResponseBody()).contains("Temporarily unavailable")
            .doesNotContain("Exception")
            .doesNotContain("at com.");
    }

    private static EntityExchangeResult<String> timed(Supplier<EntityExchangeResult<String>> request) {
        long start = System.nanoTime();
        EntityExchangeResult<String> result = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("[redis-outage] " + result.getMethod() + " " + result.getUrl().getRawPath() + " -> "
                + result.getStatus().value() + " in " + took.toMillis() + " ms");
        assertThat(took).as("answered fast").isLessThan(FAST);
        return result;
    }

}
