package com.acme.shop.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

class BcryptSchedulerTest {

    @Test
    void passwordChecksRunOnLowPriorityDaemonThreadsOffTheCallersThread() {
        Scheduler scheduler = BcryptScheduler.create();
        try {
            PasswordHasher hasher = new PasswordHasher(4, new byte[32], scheduler);
            Thread caller = Thread.currentThread();
            Thread worker = hasher.hash("correct horse battery staple")
                .flatMap(hash -> hasher.matches("correct horse battery staple", hash))
                .map(matched -> {
                    assertThat(matched).isTrue();
                    return Thread.currentThread();
                })
                .block(Duration.ofSeconds(10));
            assertThat(worker).isNotSameAs(caller);
            assertThat(worker.getName()).startsWith("bcrypt-");
            assertThat(worker.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
            assertThat(worker.isDaemon()).isTrue();
        }
        finally {
            scheduler.dispose();
        }
        assertThat(Mono.just(1).subscribeOn(scheduler).onErrorReturn(-1).block()).isEqualTo(-1);
    }

}
