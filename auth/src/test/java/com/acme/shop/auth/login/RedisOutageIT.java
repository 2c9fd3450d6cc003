package com.acme.shop.auth.login;

import java.time.Duration;
import java.util.Map;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.infra.TestInfra;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Refresh and logout fail closed (503 problem) while Redis is unreachable, and recover
 * after.
 */
class RedisOutageIT extends AuthItSupport {

    @Test
    void refreshAndLogoutAnswer503WhileRedisIsDown() {
        assumeThat(TestInfra.redisIsEmbedded()).as("needs the embedded Redis to stop it").isTrue();
        Map<String, Object> tokens = registeredAndLoggedIn(uniqueEmail());
        String accessToken = (String) tokens.get("access_token");
        String refreshToken = (String) tokens.get("refresh_token");

        TestInfra.stopRedis();
        try {
            refresh(refreshToken).expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            logout(accessToken, refreshToken).expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        finally {
            TestInfra.startRedis();
        }

        await().atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> verify(accessToken).expectStatus().isOk());
        logout(accessToken, refreshToken).expectStatus().isNoContent();
        verify(accessToken).expectStatus().isUnauthorized();
    }

}
