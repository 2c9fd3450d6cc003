package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.shop.infra.TestInfra;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Redis holds the token denylist and idempotency records: without it, member fails closed
 * (B13, A13).
 */
class MemberRedisDownIT extends MemberServerTestSupport {

    @Test
    void failsClosedWhileRedisIsDownAndRecoversAfterwards() {
        assumeTrue(TestInfra.redisIsEmbedded(), "Redis is external; it cannot be stopped by the tests");
        String token = adminToken();
        TestInfra.stopRedis();
        try {
            // The revocation replica learns of the lost connection from Lettuce's event
            // loop a moment after Redis is gone (nothing can be revoked in that moment:
            // Redis is down), so the very first request may still be answered from the
            // replica; from then on every request fails closed. A request that fails
            // closed waits for Redis' command timeout, hence the generous bound.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                EntityExchangeResult<byte[]> answer = membersAs(token);
                assertThat(answer.getStatus().value()).isEqualTo(503);
                assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            });
        }
        finally {
            TestInfra.startRedis();
        }
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .untilAsserted(() -> assertThat(membersAs(token).getStatus().value()).isEqualTo(200));
    }

    private EntityExchangeResult<byte[]> membersAs(String token) {
        return http.get()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectBody()
            .returnResult();
    }

}
