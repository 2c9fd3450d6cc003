package com.acme.shop.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for a Spring Boot service in {@link PlatformIT}: {@code /actuator/health} answers UP (on
 * MANAGEMENT_SERVER_PORT when set), {@code /env/NAME} echoes a variable, {@code /pid} the process id.
 * {@code FAKE_FAIL} makes it print a line and exit.
 */
public final class FakeService {

    public static void main(String[] args) throws IOException {
        if (System.getenv("FAKE_FAIL") != null) {
            System.out.println("fake failure: " + System.getenv("FAKE_FAIL"));
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/env/", ex -> reply(ex, 200,
                String.valueOf(System.getenv(ex.getRequestURI().getPath().substring("/env/".length())))));
        server.createContext("/pid", ex -> reply(ex, 200, Long.toString(ProcessHandle.current().pid())));
        String management = System.getenv("MANAGEMENT_SERVER_PORT");
        HttpServer healthServer = server;
        if (management != null) {
            healthServer = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(management)), 0);
            healthServer.start();
        }
        healthServer.createContext("/actuator/health", ex -> reply(ex, 200, "{\"status\":\"UP\"}"));
        server.start();
        System.out.println("fake service listening on " + port);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
