package com.acme.shop.auth.login;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.acme.shop.auth.AuthItSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrent bursts of wrong logins over real HTTP (finding 1): the attempt is reserved
 * atomically before bcrypt, so a burst spends a bounded number of bcrypt checks, the
 * excess is refused (401, or 429 while an attempt is in flight) and the account is usable
 * again after the max delay (2 s here).
 */
class LoginBurstIT extends AuthItSupport {

    private static final Set<String> PER_REQUEST_HEADERS = Set.of("x-request-id", "date", "retry-after",
            "content-length");

    @Autowired
    MeterRegistry meters;

    @Autowired
    LoginProperties loginProperties;

    record Answer(int status, HttpHeaders headers, String body) {
    }

    @Test
    void withoutLoginBcryptConcurrencyTheLoginBulkheadRunsOnePasswordCheckPerCpu() {
        // application.yml binds an unset LOGIN_BCRYPT_CONCURRENCY as empty: one per CPU
        assertThat(loginProperties.bcrypt().maxConcurrent()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void aBurstOfConcurrentWrongLoginsSpendsBoundedBcryptAndLocksTheOwnerOutOnlyForTheMaxDelay() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Victim").expectStatus().isCreated();
        double before = bcryptChecks();

        List<Answer> answers = burst(email, 120, () -> randomAddress(), client(null));

        double checks = bcryptChecks() - before;
        assertThat(answers).hasSize(120).allSatisfy(answer -> assertThat(answer.status()).isIn(401, 429));
        assertThat(answers).filteredOn(answer -> answer.status() == 429)
            .isNotEmpty()
            .allSatisfy(answer -> assertThat(Long.parseLong(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                .isPositive());
        assertThat(answers).filteredOn(answer -> answer.status() == 401)
            .extracting(Answer::body)
            .containsOnly(answers.stream().filter(a -> a.status() == 401).findFirst().orElseThrow().body());
        // 5 attempts before the delay, then at most one per elapsed delay (400 ms
        // doubling, capped at 2 s)
        assertThat(checks).isLessThanOrEqualTo(12);
        System.out.printf("burst of 120 wrong logins: %s, bcrypt checks %.0f%n", distribution(answers), checks);

        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> login(email, PASSWORD).expectStatus().isOk());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBurstAgainstAnUnknownEmailIsAnsweredLikeOneAgainstAKnownEmail() {
        String known = uniqueEmail();
        register(known, PASSWORD, "Known").expectStatus().isCreated();
        String unknown = uniqueEmail();

        double before = bcryptChecks();
        List<Answer> knownAnswers = burst(known, 60, () -> randomAddress(), client(null));
        double knownChecks = bcryptChecks() - before;
        before = bcryptChecks();
        List<Answer> unknownAnswers = burst(unknown, 60, () -> randomAddress(), client(null));
        double unknownChecks = bcryptChecks() - before;
        System.out.printf("known: %s (%.0f bcrypt), unknown: %s (%.0f bcrypt)%n", distribution(knownAnswers),
                knownChecks, distribution(unknownAnswers), unknownChecks);

        assertThat(knownChecks).isLessThanOrEqualTo(12);
        assertThat(unknownChecks).isLessThanOrEqualTo(12);
        for (int status : List.of(401, 429)) {
            Set<Map<String, Object>> shapes = new java.util.HashSet<>();
            for (Answer answer : concat(knownAnswers, unknownAnswers)) {
                if (answer.status() == status) {
                    shapes.add(Map.of("headers", headerNames(answer.headers()), "body",
                            answer.body().replaceAll("\"instance\":\"[^\"]*\"", "")));
                }
            }
            assertThat(shapes).as("answers with status %d", status).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(knownAnswers).allSatisfy(answer -> assertThat(answer.status()).isIn(401, 429));
        assertThat(unknownAnswers).allSatisfy(answer -> assertThat(answer.status()).isIn(401, 429));
    }

    @Test
    void aBurstFromAnUntrustedPeerCountsAsOneAddressWhateverItsForwardedFor() {
        // 127.x.y.z other than 127.0.0.1 is loopback, but not a trusted proxy in these
        // tests
        String peer = "127." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(2, 255);

        List<Answer> answers = Flux.range(0, 60)
            .flatMap(i -> send(client(peer), uniqueEmail(), "wrong password " + i, randomAddress()), 60)
            .collectList()
            .block(Duration.ofSeconds(60));

        // the login limit in these tests is 20 failures per address and minute
        assertThat(answers).filteredOn(answer -> answer.status() == 401).hasSize(20);
        assertThat(answers).filteredOn(answer -> answer.status() == 429)
            .hasSize(40)
            .allSatisfy(answer -> assertThat(Long.parseLong(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 60L));
    }

    private List<Answer> burst(String email, int size, java.util.function.Supplier<String> forwardedFor,
            WebClient client) {
        return Flux.range(0, size)
            .flatMap(i -> send(client, email, "wrong password " + i, forwardedFor.get()), size)
            .collectList()
            .block(Duration.ofSeconds(60));
    }

    private Mono<Answer> send(WebClient client, String email, String password, String forwardedFor) {
        return client.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Forwarded-For", forwardedFor)
            .bodyValue(Map.of("email", email, "password", password))
            .exchangeToMono(response -> response.bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(body -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), body)));
    }

    private WebClient client(String bindAddress) {
        HttpClient http = HttpClient.create(ConnectionProvider.builder("burst").maxConnections(200).build())
            .responseTimeout(Duration.ofSeconds(30));
        if (bindAddress != null) {
            http = http.bindAddress(() -> new InetSocketAddress(bindAddress, 0));
        }
        return WebClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
    }

    private double bcryptChecks() {
        return meters.counter("auth.bcrypt.permits", "bulkhead", "login").count();
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static Set<String> headerNames(HttpHeaders headers) {
        Set<String> names = new TreeSet<>();
        headers.forEach((name, values) -> {
            if (!PER_REQUEST_HEADERS.contains(name.toLowerCase())) {
                names.add(name.toLowerCase() + "=" + values);
            }
        });
        return names;
    }

    private static Map<Integer, Long> distribution(List<Answer> answers) {
        return answers.stream()
            .collect(Collectors.groupingBy(Answer::status, java.util.TreeMap::new, Collectors.counting()));
    }

    private static List<Answer> concat(List<Answer> a, List<Answer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

}
