package com.acme.shop.auth.protection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.auth.account.PasswordHasher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Not part of the build (runs only with {@code -Dshop.measure=true}): a measurement at
 * production bcrypt cost 12 of how a flood of 50 concurrent registrations affects 10
 * concurrent logins, without and with the bulkheads (default settings). Run:
 * {@code ./mvnw -o -pl auth -am test -Dtest=BcryptBulkheadMeasurement -Dshop.measure=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BcryptBulkheadMeasurement {

    private static final String PASSWORD = "blue otter sings at dawn";

    @Test
    @EnabledIfSystemProperty(named = "shop.measure", matches = "true")
    void measure() {
        PasswordHasher hasher = new PasswordHasher(12);
        String hash = hasher.hash(PASSWORD).block();
        // warm-up
        Flux.range(0, 8).flatMap(i -> hasher.matches(PASSWORD, hash)).blockLast();

        System.out.println("cores " + Runtime.getRuntime().availableProcessors() + ", load "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        run("logins alone", hasher, hash, 0, Function.identity(), Function.identity());
        run("flood, no bulkhead", hasher, hash, 50, Function.identity(), Function.identity());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Bulkhead registration = new Bulkhead("registration", new Bulkhead.Settings(2, 20, Duration.ofSeconds(2)),
                meters);
        Bulkhead login = new Bulkhead("login", new Bulkhead.Settings(4, 100, Duration.ofSeconds(5)), meters);
        run("flood, bulkheads 2/20/2s + 4/100/5s", hasher, hash, 50, registration::run, login::run);
    }

    private static void run(String label, PasswordHasher hasher, String hash, int registrations,
            Function<Mono<String>, Mono<String>> registrationBulkhead,
            Function<Mono<Boolean>, Mono<Boolean>> loginBulkhead) {
        List<Long> loginMillis = Collections.synchronizedList(new ArrayList<>());
        List<Long> registrationMillis = Collections.synchronizedList(new ArrayList<>());
        int[] refused = new int[2];
        long start = System.nanoTime();
        Flux<Object> flood = Flux.range(0, registrations)
            .flatMap(i -> timed(registrationBulkhead.apply(hasher.hash(PASSWORD + i)), registrationMillis)
                .onErrorResume(ProblemException.class, ex -> {
                    synchronized (refused) {
                        refused[0]++;
                    }
                    return Mono.empty();
                }), registrations + 1);
        Flux<Object> logins = Flux.range(0, 10)
            .delayElements(Duration.ofMillis(50))
            .flatMap(i -> timed(loginBulkhead.apply(hasher.matches(PASSWORD, hash)), loginMillis)
                .onErrorResume(ProblemException.class, ex -> {
                    synchronized (refused) {
                        refused[1]++;
                    }
                    return Mono.empty();
                }), 10);
        Flux.merge(flood, logins).blockLast(Duration.ofMinutes(5));
        long total = (System.nanoTime() - start) / 1_000_000;
        Collections.sort(loginMillis);
        Collections.sort(registrationMillis);
        System.out.printf(
                "%-40s logins ok=%d refused=%d p50=%d ms max=%d ms | registrations ok=%d refused(503)=%d max=%d ms | total %d ms%n",
                label, loginMillis.size(), refused[1],
                loginMillis.isEmpty() ? 0 : loginMillis.get(loginMillis.size() / 2),
                loginMillis.isEmpty() ? 0 : loginMillis.get(loginMillis.size() - 1), registrationMillis.size(),
                refused[0], registrationMillis.isEmpty() ? 0 : registrationMillis.get(registrationMillis.size() - 1),
                total);
    }

    private static <T> Mono<Object> timed(Mono<T> work, List<Long> millis) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return work.doOnSuccess(v -> millis.add((System.nanoTime() - start) / 1_000_000)).map(v -> (Object) v);
        });
    }

}
