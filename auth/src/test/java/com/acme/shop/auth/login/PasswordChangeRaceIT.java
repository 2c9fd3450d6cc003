package com.acme.shop.auth.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.common.security.AccessTokenDecoders;
import com.acme.shop.common.security.AccessTokenProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * B12 under concurrency: logins with the old password run while the password is changed.
 * After the 204 nothing obtained with the old password works: not its refresh token
 * (401), not its access token at auth (401) nor in common's decoder that every service
 * uses (with its cache of verified tokens). Tokens obtained with the new password right
 * after the change work. bcrypt cost 8 (about 15-20 ms here) makes the race wide: a login
 * that read the old hash just before the change is still checking it when the change
 * finishes.
 */
@TestPropertySource(properties = "shop.auth.password.bcrypt-cost=8")
class PasswordChangeRaceIT extends AuthItSupport {

    private static final String NEW_PASSWORD = "violet heron reads by lamplight";

    private static final int ITERATIONS = 30;

    private static final int RACING_LOGINS = 4; // at most 4: a 5th failure would throttle
                                                // the account

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void nothingObtainedWithTheOldPasswordWorksAfterTheChangeAnswered() {
        ReactiveJwtDecoder gatewayDecoder = AccessTokenDecoders.create(new AccessTokenProperties("shop-auth",
                "shop-gateway", "http://localhost:" + port + "/.well-known/jwks.json", null, true), redis);
        int oldPasswordLogins = 0;
        int startedWhileChanging = 0;
        double changeMillis = -1;

        for (int i = 0; i < ITERATIONS; i++) {
            String ip = randomIp();
            WebClient client = clientFrom(ip);
            // each round is its own client address, so the registrations stay under the
            // per-address limit
            http = http.mutate().defaultHeaders(headers -> headers.set("X-Forwarded-For", ip)).build();
            String email = uniqueEmail();
            register(email, PASSWORD, "Racer").expectStatus().isCreated();
            long loginStarted = System.nanoTime();
            Map<String, Object> before = login(client, email, PASSWORD).block(Duration.ofSeconds(10)).tokens();
            double loginMillis = (System.nanoTime() - loginStarted) / 1e6;
            String presented = (String) before.get("access_token");
            assertThat(gatewayDecoder.decode(presented).block(Duration.ofSeconds(10))).isNotNull(); // now
                                                                                                    // cached

            // The change checks the current password, hashes the new one, then replaces
            // the hash (at about
            // changeMillis). A login that reads the old hash within one login time before
            // that replacement is still
            // in bcrypt when the change answers: spread the racing logins over that
            // window.
            double expectedChange = changeMillis > 0 ? changeMillis : 2.2 * loginMillis;
            double windowStart = Math.max(0, expectedChange - 1.3 * loginMillis);
            double windowLength = Math.max(2, expectedChange - windowStart);
            List<Outcome> logins = new ArrayList<>();
            List<Mono<Outcome>> racing = new ArrayList<>();
            for (int k = 0; k < RACING_LOGINS; k++) {
                double at = windowStart + windowLength * (k + ThreadLocalRandom.current().nextDouble()) / RACING_LOGINS;
                racing.add(Mono.delay(Duration.ofNanos(Math.round(at * 1e6))).then(login(client, email, PASSWORD)));
            }
            long changeStarted = System.nanoTime();
            long[] changeAnsweredAt = new long[1];
            Mono<Integer> change = client.post()
                .uri("/api/auth/password")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(presented))
                .bodyValue(Map.of("current_password", PASSWORD, "new_password", NEW_PASSWORD))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .doOnNext(status -> changeAnsweredAt[0] = System.nanoTime());
            Integer changeStatus = Flux.merge(Flux.merge(racing).doOnNext(logins::add).then(Mono.empty()), change)
                .cast(Integer.class)
                .blockLast(Duration.ofSeconds(30));
            assertThat(changeStatus).isEqualTo(204);
            changeMillis = (changeAnsweredAt[0] - changeStarted) / 1e6;

            for (Outcome login : logins) {
                if (login.startedAt() < changeAnsweredAt[0]) {
                    startedWhileChanging++;
                }
                if (login.status() != 200) {
                    assertThat(login.status()).isEqualTo(401);
                    continue;
                }
                oldPasswordLogins++;
                assertOldTokensRefused(gatewayDecoder, login.tokens());
            }
            assertOldTokensRefused(gatewayDecoder, before);

            Map<String, Object> after = login(client, email, NEW_PASSWORD).block(Duration.ofSeconds(10)).tokens();
            assertThat(after).as("a login with the new password right after the change").isNotNull();
            assertThat(gatewayDecoder.decode((String) after.get("access_token")).block(Duration.ofSeconds(10)))
                .isNotNull();
            verify((String) after.get("access_token")).expectStatus().isOk();
            refresh((String) after.get("refresh_token")).expectStatus().isOk();
        }
        System.out.printf(
                "PasswordChangeRaceIT: %d of %d old-password logins started while the change ran; %d got "
                        + "tokens, every one refused after the change%n",
                startedWhileChanging, ITERATIONS * RACING_LOGINS, oldPasswordLogins);
        assertThat(startedWhileChanging).as("logins ran concurrently with the change").isGreaterThan(ITERATIONS);
    }

    private void assertOldTokensRefused(ReactiveJwtDecoder gatewayDecoder, Map<String, Object> tokens) {
        String accessToken = (String) tokens.get("access_token");
        refresh((String) tokens.get("refresh_token")).expectStatus().isUnauthorized();
        verify(accessToken).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .value("WWW-Authenticate", value -> assertThat(value).contains("invalid_token"));
        assertThatThrownBy(() -> gatewayDecoder.decode(accessToken).block(Duration.ofSeconds(10)))
            .isInstanceOf(BadJwtException.class);
    }

    private Mono<Outcome> login(WebClient client, String email, String password) {
        return client.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "password", password))
            .exchangeToMono(response -> response.statusCode().value() == 200
                    ? response.bodyToMono(JSON).map(body -> new Outcome(200, body))
                    : response.releaseBody().thenReturn(new Outcome(response.statusCode().value(), null)))
            .elapsed()
            .map(timed -> timed.getT2().startedAt(System.nanoTime() - timed.getT1() * 1_000_000));
    }

    private WebClient clientFrom(String ip) {
        return WebClient.builder().baseUrl("http://localhost:" + port).defaultHeader("X-Forwarded-For", ip).build();
    }

    private static String randomIp() {
        return "2001:db8:1::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
    }

    private record Outcome(int status, Map<String, Object> tokens, long startedAt) {

        Outcome(int status, Map<String, Object> tokens) {
            this(status, tokens, 0);
        }

        Outcome startedAt(long nanos) {
            return new Outcome(status, tokens, nanos);
        }
    }

}
