package com.acme.shop.auth.login;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.shop.auth.AuthItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LoginProtectionIT extends AuthItSupport {

    private static final Set<String> PER_REQUEST_HEADERS = Set.of("X-Request-Id", "Date");

    @Test
    void unknownUserAndWrongPasswordGetIdenticalAnswers() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Eve").expectStatus().isCreated();

        EntityExchangeResult<byte[]> wrongPassword = login(email, "not the right password at all").expectStatus()
            .isUnauthorized()
            .expectBody()
            .returnResult();
        EntityExchangeResult<byte[]> unknownUser = login(uniqueEmail(), "not the right password at all").expectStatus()
            .isUnauthorized()
            .expectBody()
            .returnResult();

        assertThat(new String(unknownUser.getResponseBody())).contains("Invalid username or password");
        assertThat(unknownUser.getResponseBody()).isEqualTo(wrongPassword.getResponseBody());
        assertThat(comparable(unknownUser.getResponseHeaders()))
            .isEqualTo(comparable(wrongPassword.getResponseHeaders()));
        assertThat(unknownUser.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void afterFiveFailuresEvenTheCorrectPasswordIsRefusedUntilTheDelayPasses() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Mallory").expectStatus().isCreated();
        byte[] genericBody = null;
        for (int i = 0; i < 5; i++) {
            genericBody = login(email, "wrong password number " + i).expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult()
                .getResponseBody();
        }

        byte[] throttled = login(email, PASSWORD).expectStatus()
            .isUnauthorized()
            .expectBody()
            .returnResult()
            .getResponseBody();
        assertThat(throttled).isEqualTo(genericBody);

        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(150))
            .untilAsserted(() -> login(email, PASSWORD).expectStatus().isOk());
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCounter() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Ivan").expectStatus().isCreated();
        for (int i = 0; i < 4; i++) {
            login(email, "wrong password number " + i).expectStatus().isUnauthorized();
        }
        login(email, PASSWORD).expectStatus().isOk();
        for (int i = 0; i < 4; i++) {
            login(email, "wrong password number " + i).expectStatus().isUnauthorized();
        }
        login(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void tooManyAttemptsFromOneAddressGet429WithRetryAfterForKnownAndUnknownEmails() {
        // the twenty-three requests below must fall into one window of the limit (60 s)
        awaitRateWindowWithAtLeast(Duration.ofSeconds(60), Duration.ofSeconds(15));
        String known = uniqueEmail();
        register(known, PASSWORD, "Trent").expectStatus().isCreated();
        for (int i = 0; i < 20; i++) {
            login(i % 10 == 0 ? known : uniqueEmail(), "some wrong password " + i).expectStatus().isUnauthorized();
        }

        for (String email : List.of(known, uniqueEmail())) {
            login(email, PASSWORD).expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 60L))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        http.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Forwarded-For", "192.0.2.77")
            .bodyValue(Map.of("email", known, "password", PASSWORD))
            .exchange()
            .expectStatus()
            .isOk();
    }

    @Test
    void anAdministratorCanLiftAThrottleButAUserCannot() {
        String email = uniqueEmail();
        String userToken = (String) registeredAndLoggedIn(email).get("access_token");
        for (int i = 0; i < 5; i++) {
            login(email, "wrong password number " + i).expectStatus().isUnauthorized();
        }
        login(email, PASSWORD).expectStatus().isUnauthorized();

        unlock(userToken, email).expectStatus().isForbidden();
        String adminToken = (String) login(ADMIN_EMAIL, ADMIN_PASSWORD).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("access_token");
        unlock(adminToken, email).expectStatus().isNoContent();

        login(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void theFailureCounterStopsAtOneHundredButNeverLocksTheAccountLongerThanTheMaxDelay(
            @Autowired ReactiveStringRedisTemplate redis, @Autowired LoginThrottle throttle) {
        String email = uniqueEmail();
        register(email, PASSWORD, "Walter").expectStatus().isCreated();

        Long last = Flux.range(0, 105).concatMap(i -> throttle.recordFailure(email)).last().block();

        assertThat(last).isEqualTo(100);
        assertThat(throttle.state(email).block().failures()).isEqualTo(100);
        assertThat(redis.getExpire(LoginThrottle.key(email)).block()).isPositive()
            .isLessThanOrEqualTo(Duration.ofHours(24));
        login(email, PASSWORD).expectStatus().isUnauthorized();
        // the configured max delay (2 s in these tests) is the longest refusal, even at
        // the cap
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> login(email, PASSWORD).expectStatus().isOk());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(throttle.state(email).block().failures()).isZero();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405AsProblems() {
        http.get()
            .uri("/api/auth/nothing-here")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("about:blank");
        http.delete()
            .uri("/api/auth/login")
            .exchange()
            .expectStatus()
            .isEqualTo(405)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void successfulLoginsDoNotCountTowardsTheIpLimit() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Peggy").expectStatus().isCreated();
        for (int i = 0; i < 25; i++) {
            login(email, PASSWORD).expectStatus().isOk();
        }
    }

    @Test
    void missingCredentialsAre400() {
        http.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", "a@b.co"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("password");
    }

    private WebTestClient.ResponseSpec unlock(String accessToken, String email) {
        return http.post()
            .uri("/api/auth/admin/unlock")
            .contentType(MediaType.APPLICATION_JSON)
            .headers(h -> h.setBearerAuth(accessToken))
            .bodyValue(Map.of("email", email))
            .exchange();
    }

    private static Map<String, List<String>> comparable(HttpHeaders headers) {
        Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (!PER_REQUEST_HEADERS.contains(name)) {
                copy.put(name, values);
            }
        });
        return copy;
    }

}
