package com.acme.shop.common.reactive;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class CallerEventLoopTest {

    private final EventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** A value that arrives on another thread, as Lettuce's answers do. */
    private static Mono<String> answeredElsewhere() {
        return Mono.delay(Duration.ofMillis(20), Schedulers.single()).map(ignored -> Thread.currentThread().getName());
    }

    @Test
    void aValueArrivingOnAnotherThreadIsDeliveredOnTheSubscribingEventLoop() throws Exception {
        CompletableFuture<String[]> threads = new CompletableFuture<>();
        loop.execute(() -> CallerEventLoop.resumeOnCaller(answeredElsewhere())
            .subscribe(producer -> threads.complete(new String[] { producer, Thread.currentThread().getName() }),
                    threads::completeExceptionally));
        String[] seen = threads.get(5, TimeUnit.SECONDS);
        String loopThread = loop.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertThat(seen[0]).isNotEqualTo(loopThread);
        assertThat(seen[1]).isEqualTo(loopThread);
    }

    @Test
    void errorsAreDeliveredOnTheEventLoopToo() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        Mono<String> failing = answeredElsewhere().then(Mono.error(new IllegalStateException("redis down")));
        loop.execute(() -> CallerEventLoop.resumeOnCaller(failing)
            .subscribe(value -> thread.completeExceptionally(new AssertionError("no value expected")),
                    error -> thread.complete(error.getMessage() + "@" + Thread.currentThread().getName())));
        String loopThread = loop.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS);
        assertThat(thread.get(5, TimeUnit.SECONDS)).isEqualTo("redis down@" + loopThread);
    }

    @Test
    void outsideAnEventLoopTheSourceIsUnchanged() {
        String producer = CallerEventLoop
            .resumeOnCaller(answeredElsewhere().map(name -> name + "|" + Thread.currentThread().getName()))
            .block(Duration.ofSeconds(5));
        String[] parts = producer.split("\\|");
        assertThat(parts[0]).isEqualTo(parts[1]).startsWith("single-");
        assertThat(CallerEventLoop.current()).isNull();
    }

}
