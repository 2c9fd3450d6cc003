package com.acme.shop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps auth's bcrypt busy (P4): one thread per account logs in with the right password
 * in a loop, so that every login runs bcrypt (one account per thread: auth refuses a
 * second concurrent attempt on the same account without hashing). Counts the answers.
 */
final class LoginStorm implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();

    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    private volatile boolean running = true;

    private final long startedNanos = System.nanoTime();

    private long stoppedNanos;

    LoginStorm(Api api, List<String> emails, String password) {
        for (String email : emails) {
            Thread t = new Thread(() -> {
                while (running) {
                    int status;
                    try {
                        status = api.loginStatus(email, password);
                    }
                    catch (RuntimeException e) {
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
            }, "login-storm-" + threads.size());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** Answers so far, by status (-1: no answer). */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> result = new TreeMap<>();
        statuses.forEach((status, count) -> result.put(status, count.get()));
        return result;
    }

    long successes() {
        AtomicLong ok = statuses.get(200);
        return ok == null ? 0 : ok.get();
    }

    double seconds() {
        long end = stoppedNanos != 0 ? stoppedNanos : System.nanoTime();
        return (end - startedNanos) / 1e9;
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(35_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        stoppedNanos = System.nanoTime();
    }

}
