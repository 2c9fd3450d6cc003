package com.acme.shop.auth.protection;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.acme.shop.common.problem.ProblemException;
import org.springframework.http.HttpStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A non-blocking bulkhead for expensive work (bcrypt): at most {@code maxConcurrent}
 * units run at once; up to {@code maxQueued} more wait (in arrival order) at most
 * {@code maxWait} for a permit; anything beyond, or a wait that runs out, fails fast with
 * 503 and {@code Retry-After} instead of piling up until clients time out. Separate
 * instances for login and registration keep a registration flood from starving logins.
 *
 * <p>
 * Meters (tag {@code bulkhead}): {@code auth.bcrypt.permits} (units started, i.e. bcrypt
 * evaluations), {@code auth.bcrypt.rejected}, {@code auth.bcrypt.wait} (time queued),
 * gauges {@code auth.bcrypt.active} and {@code auth.bcrypt.queued}.
 */
public class Bulkhead {

    private enum State {

        QUEUED, RUNNING, DONE

    }

    private final String name;

    private final int maxConcurrent;

    private final int maxQueued;

    private final Duration maxWait;

    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

    private int active;

    private final Counter permits;

    private final Counter rejected;

    private final Timer waited;

    public Bulkhead(String name, Settings settings, MeterRegistry registry) {
        if (settings.maxConcurrent() < 1 || settings.maxQueued() < 0) {
            throw new IllegalArgumentException("Bulkhead " + name + " needs max-concurrent >= 1 and max-queued >= 0");
        }
        this.name = name;
        this.maxConcurrent = settings.maxConcurrent();
        this.maxQueued = settings.maxQueued();
        this.maxWait = settings.maxWait();
        this.permits = Counter.builder("auth.bcrypt.permits")
            .tag("bulkhead", name)
            .description("Units of bcrypt work started")
            .register(registry);
        this.rejected = Counter.builder("auth.bcrypt.rejected")
            .tag("bulkhead", name)
            .description("Requests refused with 503 because the bulkhead was full")
            .register(registry);
        this.waited = Timer.builder("auth.bcrypt.wait")
            .tag("bulkhead", name)
            .description("Time spent waiting for a bcrypt permit")
            .register(registry);
        Gauge.builder("auth.bcrypt.active", this, Bulkhead::active).tag("bulkhead", name).register(registry);
        Gauge.builder("auth.bcrypt.queued", this, Bulkhead::queued).tag("bulkhead", name).register(registry);
    }

    /**
     * Runs {@code work} (subscribed only once a permit is held); 503 problem when the
     * bulkhead is full.
     */
    public <T> Mono<T> run(Mono<T> work) {
        return Mono.defer(() -> {
            Waiter waiter = new Waiter(System.nanoTime());
            synchronized (this) {
                if (active < maxConcurrent) {
                    active++;
                    waiter.state = State.RUNNING;
                }
                else if (queue.size() < maxQueued) {
                    queue.addLast(waiter);
                }
                else {
                    rejected.increment();
                    return Mono.error(full());
                }
            }
            Mono<Void> permit = waiter.state == State.RUNNING ? Mono.empty() : waiter.granted.asMono()
                .timeout(maxWait)
                .onErrorResume(TimeoutException.class, ex -> abandon(waiter) ? Mono.error(full()) : Mono.empty());
            return permit.then(Mono.defer(() -> {
                waited.record(System.nanoTime() - waiter.enqueuedNanos, TimeUnit.NANOSECONDS);
                permits.increment();
                return work;
            })).doFinally(signal -> finish(waiter));
        });
    }

    /**
     * A queued waiter gives up (timeout); false if it got a permit meanwhile and must run
     * after all.
     */
    private synchronized boolean abandon(Waiter waiter) {
        if (waiter.state == State.QUEUED) {
            queue.remove(waiter);
            waiter.state = State.DONE;
            rejected.increment();
            return true;
        }
        return false;
    }

    /**
     * After the work (or a cancel while queued): hand the permit to the next waiter, or
     * free it.
     */
    private void finish(Waiter waiter) {
        Waiter next = null;
        synchronized (this) {
            if (waiter.state == State.QUEUED) {
                queue.remove(waiter);
                waiter.state = State.DONE;
                return;
            }
            if (waiter.state != State.RUNNING) {
                return;
            }
            waiter.state = State.DONE;
            next = queue.pollFirst();
            if (next == null) {
                active--;
            }
            else {
                next.state = State.RUNNING;
            }
        }
        if (next != null) {
            next.granted.tryEmitEmpty();
        }
    }

    synchronized int active() {
        return active;
    }

    synchronized int queued() {
        return queue.size();
    }

    private ProblemException full() {
        long retryAfter = Math.max(1, (maxWait.toMillis() + 999) / 1000);
        return ProblemException
            .of(HttpStatus.SERVICE_UNAVAILABLE, "The service is busy (" + name + "); try again shortly")
            .retryAfter(retryAfter);
    }

    /**
     * {@code maxConcurrent}: units running at once; by default one per CPU the JVM may
     * use. bcrypt is pure CPU work, so more at once than there are CPUs buys no
     * throughput: the extra units only share the CPUs with the others (every check takes
     * longer) and leave more runnable threads for the scheduler to weigh against the
     * event loops, which a busy JWKS or token check then waits behind (issue 10, P4).
     * {@code maxWait}: how long a queued request waits for a permit before it gets 503.
     */
    public record Settings(Integer maxConcurrent, Integer maxQueued, Duration maxWait) {

        public Settings {
            maxConcurrent = maxConcurrent == null ? Runtime.getRuntime().availableProcessors() : maxConcurrent;
            maxQueued = maxQueued == null ? 100 : maxQueued;
            maxWait = maxWait == null ? Duration.ofSeconds(5) : maxWait;
        }
    }

    private static final class Waiter {

        final long enqueuedNanos;

        final Sinks.Empty<Void> granted = Sinks.empty();

        State state = State.QUEUED;

        Waiter(long enqueuedNanos) {
            this.enqueuedNanos = enqueuedNanos;
        }

    }

}
