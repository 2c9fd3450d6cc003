package com.acme.shop.auth.registration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.acme.shop.auth.AuthItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 5: registration is rate-limited per address and its bcrypt work is bounded
 * apart from logins'.
 */
class RegistrationLimitsIT extends AuthItSupport {

    record Answer(int status, HttpHeaders headers, long millis) {
    }

    @Test
    void anAddressGets429WithRetryAfterAfterTenRegistrationsWhetherTheEmailIsNewOrTaken() {
        // the twelve requests below must fall into one window of the limit (1 minute)
        awaitRateWindowWithAtLeast(Duration.ofMinutes(1), Duration.ofSeconds(15));
        String taken = uniqueEmail();
        register(taken, PASSWORD, "First").expectStatus().isCreated();
        for (int i = 0; i < 4; i++) {
            register(taken, PASSWORD, "Again").expectStatus().isEqualTo(409);
        }
        for (int i = 0; i < 5; i++) {
            register(uniqueEmail(), PASSWORD, "New").expectStatus().isCreated();
        }

        for (String email : List.of(taken, uniqueEmail())) {
            register(email, PASSWORD, "One too many").expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 600L));
        }
        http.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Forwarded-For", "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255))
            .bodyValue(Map.of("email", uniqueEmail(), "password", PASSWORD, "name", "Elsewhere"))
            .exchange()
            .expectStatus()
            .isCreated();
    }

    @Test
    void aRegistrationFloodDoesNotMakeConcurrentLoginsFailOrTimeOut() {
        List<String> users = Flux.range(0, 10).map(i -> uniqueEmail()).collectList().block();
        users.forEach(email -> register(email, PASSWORD, "Regular").expectStatus().isCreated());
        WebClient client = client();

        Flux<Answer> registrations = Flux.range(0, 50)
            .flatMap(i -> send(client, "/api/auth/register",
                    Map.of("email", uniqueEmail(), "password", PASSWORD, "name", "Flood " + i)), 50);
        Flux<Answer> logins = Flux.fromIterable(users)
            .flatMap(email -> send(client, "/api/auth/login", Map.of("email", email, "password", PASSWORD)), 10);
        List<Answer> loginAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Answer> registrationAnswers = Flux
            .merge(registrations, logins.doOnNext(loginAnswers::add).then(Mono.<Answer>empty()))
            .collectList()
            .block(Duration.ofSeconds(60));

        assertThat(loginAnswers).hasSize(10).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(registrationAnswers).hasSize(50).allSatisfy(answer -> {
            assertThat(answer.status()).isIn(201, 503);
            assertThat(answer.millis()).isLessThan(10_000);
        });
        assertThat(registrationAnswers).filteredOn(answer -> answer.status() == 503)
            .allSatisfy(answer -> assertThat(Long.parseLong(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                .isPositive());
        System.out.printf("registration flood: %d created, %d refused with 503; logins max %d ms%n",
                registrationAnswers.stream().filter(a -> a.status() == 201).count(),
                registrationAnswers.stream().filter(a -> a.status() == 503).count(),
                loginAnswers.stream().mapToLong(Answer::millis).max().orElse(0));
    }

    private Mono<Answer> send(WebClient client, String path, Map<String, String> body) {
        // every request from its own address, so the per-address limit does not hide the
        // bulkhead
        String address = "198.19." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return client.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", address)
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody()
                    .thenReturn(new Answer(response.statusCode().value(), response.headers().asHttpHeaders(),
                            (System.nanoTime() - start) / 1_000_000)));
        });
    }

    private WebClient client() {
        HttpClient http = HttpClient.create(ConnectionProvider.builder("flood").maxConnections(100).build())
            .responseTimeout(Duration.ofSeconds(30));
        return WebClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
    }

}
