package com.acme.shop.common.idempotency;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import com.acme.shop.common.security.ResourceServerSecurity;

/**
 * A minimal service wired like member: bearer tokens, then the idempotency filter after
 * authorization, and endpoints that count how often they really run.
 */
@SpringBootApplication
class IdempotencyTestApp {

    static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    static final AtomicReference<Sinks.Empty<Void>> gate = new AtomicReference<>(Sinks.empty());

    static int calls(String name) {
        return calls.computeIfAbsent(name, n -> new AtomicInteger()).get();
    }

    private static int count(String name) {
        return calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    }

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder decoder, IdempotencyHandler handler) {
        return ResourceServerSecurity.configure(http, decoder)
            .authorizeExchange(ex -> ex.anyExchange().authenticated())
            .addFilterAfter(new IdempotencyWebFilter(handler, List.of("POST /api/orders")),
                    SecurityWebFiltersOrder.AUTHORIZATION)
            .build();
    }

    @RestController
    static class Endpoints {

        /** Echoes the body it received, with headers of which only some may be stored. */
        @PostMapping({ "/api/items", "/api/orders", "/api/items/{id}" })
        Mono<ResponseEntity<String>> create(ServerWebExchange exchange) {
            return body(exchange).map(body -> {
                int n = count("create");
                String id = UUID.randomUUID().toString();
                return ResponseEntity.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .location(java.net.URI.create("/api/items/" + id))
                    .eTag("\"" + n + "\"")
                    .header(HttpHeaders.CONTENT_LANGUAGE, "en")
                    .header(HttpHeaders.SET_COOKIE, ResponseCookie.from("session", id).build().toString())
                    .header("X-Custom", id)
                    .body("{\"id\":\"" + id + "\",\"call\":" + n + ",\"received\":" + body.length + "}");
            });
        }

        @PostMapping("/api/slow")
        Mono<ResponseEntity<String>> slow(ServerWebExchange exchange) {
            return body(exchange).flatMap(body -> {
                int n = count("slow");
                return gate.get()
                    .asMono()
                    .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"call\":" + n + "}"));
            });
        }

        @PostMapping("/api/delayed")
        Mono<ResponseEntity<String>> delayed(ServerWebExchange exchange) {
            return body(exchange).flatMap(body -> {
                int n = count("delayed");
                return Mono.delay(java.time.Duration.ofMillis(300))
                    .thenReturn(ResponseEntity.status(HttpStatus.CREATED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body("{\"call\":" + n + "}"));
            });
        }

        @PostMapping("/api/status/{status}")
        Mono<ResponseEntity<String>> status(@PathVariable int status, ServerWebExchange exchange) {
            return body(exchange).map(body -> {
                int n = count("status" + status);
                return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"call\":" + n + "}");
            });
        }

        @PostMapping("/api/empty")
        Mono<ResponseEntity<Void>> empty() {
            count("empty");
            return Mono.just(ResponseEntity.noContent().header(HttpHeaders.ETAG, "\"e\"").build());
        }

        @PostMapping("/api/error")
        Mono<String> error() {
            count("error");
            return Mono.error(new IllegalStateException("boom"));
        }

        @GetMapping("/api/items")
        Mono<String> list() {
            return Mono.just("{\"call\":" + count("get") + "}");
        }

        @PutMapping("/api/items/{id}")
        Mono<String> update(@PathVariable String id) {
            return Mono.just("{\"call\":" + count("put") + "}");
        }

        @DeleteMapping("/api/items/{id}")
        Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
            count("delete");
            return Mono.just(ResponseEntity.noContent().build());
        }

        private static Mono<byte[]> body(ServerWebExchange exchange) {
            return DataBufferUtils.join(exchange.getRequest().getBody()).map(buffer -> {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                DataBufferUtils.release(buffer);
                return bytes;
            }).defaultIfEmpty(new byte[0]);
        }

    }

}
