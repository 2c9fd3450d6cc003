package com.acme.shop.common.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Pins the Reactor Netty server that every service runs on (root pom,
 * {@code reactor-netty.version}). Up to 1.3.7 a keep-alive connection stopped reading
 * after a request that arrived before the previous exchange had ended and was then
 * answered at once: the client's next request on that connection got no answer until the
 * client gave up (reactor/reactor-netty#4347). It showed as a login through the gateway
 * hanging for 30 s in a loop of login, logout and reuse (gateway {@code FullStackIT}).
 */
class PipelinedKeepAliveTest {

    DisposableServer server;

    @BeforeEach
    void start() {
        server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request,
                    response) -> response.sendString(request.uri().equals("/slow")
                            ? Mono.delay(Duration.ofMillis(50)).thenReturn("slow") : Mono.just("fast")))
            .bindNow(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.disposeNow(Duration.ofSeconds(10));
    }

    @Test
    void aRequestAfterAnEarlyKeepAliveRequestIsStillAnswered() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // the second request arrives while the first exchange is still running
            out.write((get("/slow") + get("/fast")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).endsWith("slow");
            assertThat(readResponse(in)).endsWith("fast");

            out.write(get("/fast").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).as("the third request on the same connection is answered")
                .startsWith("HTTP/1.1 200")
                .endsWith("fast");
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    /** Reads one response with a Content-Length body; fails on the socket's timeout. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                assertThat(b).as("connection closed before a response").isNotEqualTo(-1);
                head.write(b);
            }
            String headers = head.toString(StandardCharsets.US_ASCII);
            int length = headers.lines()
                .filter(line -> line.regionMatches(true, 0, "content-length:", 0, 15))
                .mapToInt(line -> Integer.parseInt(line.substring(15).trim()))
                .findFirst()
                .orElseThrow();
            return headers + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
        }
        catch (SocketTimeoutException ex) {
            throw new AssertionError("no response within 5 s; read so far: " + head, ex);
        }
    }

}
