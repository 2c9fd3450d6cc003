package com.acme.shop.bff;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;

/**
 * product or order for {@code /api/home}: one {@code GET} path on a {@link StubServer}
 * that answers as its {@link Mode} says, and that {@link Mode#DOWN} really stops
 * (connections are refused) and any other mode starts again on the same port.
 */
final class ShopDownstream implements AutoCloseable {

    enum Mode {

        /** Answers the page (after {@link StubDownstreams#delay}). */
        UP,
        /** Nobody listens on the port: connections are refused. */
        DOWN,
        /** Answers the page, but only after {@link #SLOW}: later than the bff waits. */
        SLOW,
        /** 500 problem. */
        ERROR,
        /** 200 with a body that is not JSON. */
        GARBAGE

    }

    /** Longer than the timeouts the tests give the bff. */
    static final Duration SLOW = Duration.ofMillis(2_500);

    private final String path;

    private final String page;

    private final Supplier<Duration> delay;

    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);

    private final List<StubServer.Request> received = new CopyOnWriteArrayList<>();

    private final int port;

    private volatile StubServer server;

    ShopDownstream(String path, String page, Supplier<Duration> delay) {
        this.path = path;
        this.page = page;
        this.delay = delay;
        this.server = start(0);
        this.port = server.port();
    }

    private StubServer start(int onPort) {
        return StubServer.start(onPort).onAsync(StubServer.request("GET", path), request -> {
            received.add(request);
            Reply reply = switch (mode.get()) {
                case UP, DOWN -> Reply.json(200, page).delayed(delay.get());
                case SLOW -> Reply.json(200, page).delayed(SLOW);
                case ERROR -> Reply.json(500,
                        "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\"," + "\"status\":500}");
                case GARBAGE -> Reply.json(200, "<html>this is not JSON{\"content\":[");
            };
            return CompletableFuture.completedFuture(reply);
        });
    }

    /** Switches the mode; {@link Mode#DOWN} stops the server, any other starts it. */
    synchronized void set(Mode next) {
        Mode previous = mode.getAndSet(next);
        if (next == Mode.DOWN && previous != Mode.DOWN) {
            server.close();
        }
        else if (next != Mode.DOWN && previous == Mode.DOWN) {
            server = start(port);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The requests received on {@link #path} so far, in arrival order. */
    List<StubServer.Request> received() {
        return List.copyOf(received);
    }

    void forgetCalls() {
        received.clear();
    }

    @Override
    public void close() {
        server.close();
    }

}
