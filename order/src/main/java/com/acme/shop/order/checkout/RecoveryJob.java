package com.acme.shop.order.checkout;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes or compensates every checkout that stopped halfway (a crash, a restart, a
 * dependency that stayed down): at startup and then every
 * {@code ORDER_RECOVERY_INTERVAL}, every order whose saga step has not moved for
 * {@code ORDER_RECOVERY_AFTER} (longer than any request of a checkout lasts) is claimed
 * (so two instances never both take it) and resumed by {@link Saga#resume(StoredOrder)}.
 */
class RecoveryJob {

    private static final Logger log = LoggerFactory.getLogger(RecoveryJob.class);

    private static final int BATCH = 100;

    private final OrderStore store;

    private final Saga saga;

    private final Duration interval;

    private final Duration after;

    private volatile Disposable schedule;

    RecoveryJob(OrderStore store, Saga saga, Duration interval, Duration after) {
        this.store = store;
        this.saga = saga;
        this.interval = interval;
        this.after = after;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Flux<Long> ticks = interval.isZero() || interval.isNegative() ? Flux.just(0L)
                : Flux.interval(Duration.ZERO, interval);
        schedule = ticks.onBackpressureDrop().concatMap(tick -> runOnce().onErrorResume(error -> {
            log.warn("Recovery run failed: {}", error.toString());
            return Mono.just(0L);
        })).subscribe();
    }

    void stop() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
    }

    /** One pass; the number of orders it took over. */
    Mono<Long> runOnce() {
        return store.stale(store.now().minus(after), BATCH)
            .concatMap(order -> store.claim(order)
                .filter(claimed -> claimed)
                .flatMap(claimed -> saga.resume(order).onErrorResume(error -> {
                    log.warn("Recovery of order {} failed, retried next run: {}", order.number(), error.toString());
                    return Mono.empty();
                }).thenReturn(1L)))
            .reduce(0L, Long::sum);
    }

}
