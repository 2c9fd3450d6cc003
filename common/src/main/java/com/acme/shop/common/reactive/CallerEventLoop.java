package com.acme.shop.common.reactive;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Brings a Redis answer back to the event loop of the request that asked for it.
 * <p>
 * Lettuce completes every command of a connection on that connection's one I/O thread,
 * and a reactive chain goes on on the thread that completed its last step. Without this
 * hop everything after a Redis call (at the gateway: the rest of the security chain, the
 * route, the proxied call and its response) runs on that single Lettuce thread, whatever
 * the number of server event loops: a profile of the gateway under load showed 47 % of
 * its CPU samples on {@code lettuce-epollEventLoop} (issue 10). Handing the result back
 * to the caller's Netty event loop spreads the work over all of them again, and keeps
 * each request on one thread (no hand-off between server loops).
 * <p>
 * When the caller is not on a Netty event loop (a test, a bounded-elastic thread), the
 * source is returned unchanged.
 */
public final class CallerEventLoop {

    private CallerEventLoop() {
    }

    /**
     * The source, with its signals delivered on the event loop that subscribes to it (if
     * any).
     */
    public static <T> Mono<T> resumeOnCaller(Mono<T> source) {
        return Mono.defer(() -> {
            Scheduler loop = current();
            return loop == null ? source : source.publishOn(loop);
        });
    }

    /** The Netty event loop running the current thread, as a scheduler, or null. */
    static Scheduler current() {
        EventExecutor executor = ThreadExecutorMap.currentExecutor();
        if (executor == null || !executor.inEventLoop()) {
            return null;
        }
        return Schedulers.fromExecutor(executor, false);
    }

}
