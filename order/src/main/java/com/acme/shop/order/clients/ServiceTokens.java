package com.acme.shop.order.clients;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * SERVICE tokens from auth ({@code POST /internal/service-tokens}, HTTP Basic
 * {@code order:<secret>}), one per audience, cached until 15 s (or a quarter of the
 * lifetime, if shorter) before they expire; a failed fetch is not cached.
 */
public class ServiceTokens {

    static final String CLIENT = "order";

    private final WebClient web;

    private final String authorization;

    private final Duration timeout;

    private final Map<String, Mono<String>> cache = new ConcurrentHashMap<>();

    public ServiceTokens(WebClient.Builder builder, String authUrl, String secret, Duration timeout) {
        this.web = builder.baseUrl(authUrl).build();
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
    }

    record TokenResponse(String access_token, String token_type, long expires_in) {
    }

    /** A valid token for {@code audience} (e.g. {@code shop-payment}). */
    public Mono<String> token(String audience) {
        return cache.computeIfAbsent(audience, this::fetcher);
    }

    private Mono<String> fetcher(String audience) {
        return web.post()
            .uri("/internal/service-tokens")
            .header(HttpHeaders.AUTHORIZATION, authorization)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("audience", audience))
            .retrieve()
            .onStatus(status -> status.is5xxServerError(),
                    response -> Mono.error(new RetryableException("auth answered " + response.statusCode())))
            .bodyToMono(TokenResponse.class)
            .timeout(timeout)
            .cache(response -> reuseFor(response.expires_in()), error -> Duration.ZERO, () -> Duration.ZERO)
            .map(TokenResponse::access_token);
    }

    static Duration reuseFor(long expiresInSeconds) {
        long margin = Math.min(15, expiresInSeconds / 4);
        return Duration.ofSeconds(Math.max(0, expiresInSeconds - margin));
    }

}
