package com.acme.shop.auth.protection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.acme.shop.common.problem.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BulkheadTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final AtomicInteger running = new AtomicInteger();

    private final List<Sinks.One<String>> gates = new ArrayList<>();

    /** Work that counts itself running until its gate is opened. */
    private synchronized Mono<String> work() {
        Sinks.One<String> gate = Sinks.one();
        gates.add(gate);
        return Mono.defer(() -> {
            running.incrementAndGet();
            return gate.asMono().doFinally(signal -> running.decrementAndGet());
        });
    }

    @Test
    void runsAtMostMaxConcurrentAndStartsQueuedWorkInOrderAsPermitsFree() {
        Bulkhead bulkhead = new Bulkhead("test", new Bulkhead.Settings(2, 5, Duration.ofSeconds(30)), meters);
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bulkhead.run(work()).subscribe(results::add);
        }

        assertThat(running.get()).isEqualTo(2);
        assertThat(bulkhead.active()).isEqualTo(2);
        assertThat(bulkhead.queued()).isEqualTo(3);

        gates.get(0).tryEmitValue("a");
        assertThat(running.get()).isEqualTo(2);
        assertThat(bulkhead.queued()).isEqualTo(2);
        gates.forEach(gate -> gate.tryEmitValue("x"));

        assertThat(results).hasSize(5);
        assertThat(bulkhead.active()).isZero();
        assertThat(meters.counter("auth.bcrypt.permits", "bulkhead", "test").count()).isEqualTo(5);
    }

    @Test
    void refusesAtOnceWith503AndRetryAfterWhenTheQueueIsFull() {
        Bulkhead bulkhead = new Bulkhead("test", new Bulkhead.Settings(1, 1, Duration.ofSeconds(3)), meters);
        bulkhead.run(work()).subscribe();
        bulkhead.run(work()).subscribe();

        Throwable refused = bulkhead.run(work()).materialize().block().getThrowable();

        assertThat(refused).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("3");
        });
        assertThat(running.get()).isEqualTo(1);
        assertThat(meters.counter("auth.bcrypt.rejected", "bulkhead", "test").count()).isEqualTo(1);
    }

    @Test
    void aQueuedRequestGets503WhenItsWaitRunsOutAndNeverRuns() {
        Bulkhead bulkhead = new Bulkhead("test", new Bulkhead.Settings(1, 1, Duration.ofMillis(100)), meters);
        bulkhead.run(work()).subscribe();
        AtomicInteger started = new AtomicInteger();

        Throwable waitedTooLong = bulkhead.run(Mono.fromCallable(started::incrementAndGet))
            .materialize()
            .block(Duration.ofSeconds(5))
            .getThrowable();

        assertThat(waitedTooLong).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) waitedTooLong).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(bulkhead.queued()).isZero();
        gates.get(0).tryEmitValue("done");
        assertThat(started.get()).isZero();
        assertThat(bulkhead.active()).isZero();
    }

    @Test
    void cancelledWorkFreesItsPermitAndACancelledWaiterLeavesTheQueue() {
        Bulkhead bulkhead = new Bulkhead("test", new Bulkhead.Settings(1, 2, Duration.ofSeconds(30)), meters);
        Disposable first = bulkhead.run(work()).subscribe();
        Disposable queued = bulkhead.run(work()).subscribe();
        List<String> third = new ArrayList<>();
        bulkhead.run(Mono.just("third")).subscribe(third::add);
        assertThat(bulkhead.queued()).isEqualTo(2);

        queued.dispose();
        assertThat(bulkhead.queued()).isEqualTo(1);
        first.dispose();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(third).containsExactly("third"));
        assertThat(bulkhead.active()).isZero();
        assertThat(bulkhead.queued()).isZero();
    }

}
