package com.acme.shop.auth.account;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The scheduler bcrypt runs on (issue 10, P4): bounded like Reactor's
 * {@code boundedElastic}, but its threads have {@link Thread#MIN_PRIORITY}. With the JVM
 * options the platform starts services with ({@code -XX:ThreadPriorityPolicy=1
 * -XX:JavaPriority1_To_OSPriority=19}, see README), that is Linux nice 19: a login storm
 * that keeps every core busy with bcrypt only takes the CPU that nothing else wants, so
 * the event loops (JWKS, token checks, every other request) are not queued behind it.
 * Without those options the priority is ignored and bcrypt runs as before (still never on
 * an event loop).
 */
public final class BcryptScheduler {

    private BcryptScheduler() {
    }

    /** A new scheduler of low-priority daemon threads named {@code bcrypt-N}. */
    public static Scheduler create() {
        return Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
                Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, lowPriorityThreads(), 60);
    }

    static ThreadFactory lowPriorityThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "bcrypt-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
    }

}
