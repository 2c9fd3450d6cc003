package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.shop.infra.TestInfra;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

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
            http.get()
                .uri("/api/members")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        finally {
            TestInfra.startRedis();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status = http.get()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .returnResult(String.class)
            .getStatus()
            .value();
        while (status != 200 && Instant.now().isBefore(deadline)) {
            pause();
            status = http.get()
                .uri("/api/members")
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
        }
        assertThat(status).isEqualTo(200);
    }

    /** Polling interval while waiting for the Redis client to reconnect. */
    private static void pause() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
