package com.acme.shop.web.client;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import com.acme.shop.web.WebUiProperties;

import reactor.core.publisher.Mono;

/**
 * Direct calls to the auth service: login, refresh, logout, register, password change
 * (docs/api.md). Each carries the browser's address as {@code X-Forwarded-For}
 * ({@link ClientAddress}).
 */
@Component
public class AuthClient {

    private static final Logger log = LoggerFactory.getLogger(AuthClient.class);

    private final WebClient client;

    private final Clock clock;

    private final WebUiProperties properties;

    AuthClient(WebClient.Builder builder, WebUiProperties properties, Clock clock) {
        this.client = builder.clone().baseUrl(properties.authServerUrl().toString()).build();
        this.properties = properties;
        this.clock = clock;
    }

    /** Logs in; wrong credentials give {@link BadCredentialsException}. */
    public Mono<TokenSet> login(String email, String password, ClientAddress clientAddress) {
        return client.post()
            .uri("/api/auth/login")
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .headers(h -> ClientAddress.forward(h, clientAddress))
            .bodyValue(Map.of("email", email, "password", password))
            .exchangeToMono(response -> {
                HttpStatus status = HttpStatus.resolve(response.statusCode().value());
                if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(TokenResponse.class).map(t -> TokenSet.from(t, clock.instant()));
                }
                if (status == HttpStatus.TOO_MANY_REQUESTS) {
                    return response.releaseBody().then(Mono.error(new AuthExceptions.Throttled()));
                }
                if (response.statusCode().is4xxClientError()) {
                    return response.releaseBody()
                        .then(Mono.error(new BadCredentialsException("Invalid email or password")));
                }
                return response.releaseBody()
                    .then(Mono.error(new AuthExceptions.Unavailable("auth answered " + response.statusCode().value())));
            })
            .timeout(properties.upstreamTimeout())
            .onErrorMap(ex -> !(ex instanceof org.springframework.security.core.AuthenticationException),
                    ex -> new AuthExceptions.Unavailable("auth unreachable"));
    }

    /** Rotates the refresh token; a 4xx answer means the session is over. */
    Mono<TokenSet> refresh(String refreshToken, ClientAddress clientAddress) {
        return client.post()
            .uri("/api/auth/refresh")
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .headers(h -> ClientAddress.forward(h, clientAddress))
            .bodyValue(Map.of("refresh_token", refreshToken))
            .exchangeToMono(response -> {
                if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(TokenResponse.class).map(t -> TokenSet.from(t, clock.instant()));
                }
                if (response.statusCode().is4xxClientError() && response.statusCode().value() != 429) {
                    return response.releaseBody().then(Mono.error(new AuthExceptions.RefreshRejected()));
                }
                return response.releaseBody()
                    .then(Mono.error(new AuthExceptions.Unavailable("auth answered " + response.statusCode().value())));
            })
            .timeout(properties.upstreamTimeout())
            .onErrorMap(
                    ex -> !(ex instanceof AuthExceptions.RefreshRejected || ex instanceof AuthExceptions.Unavailable),
                    ex -> new AuthExceptions.Unavailable("auth unreachable"));
    }

    /**
     * Revokes the refresh family and the access token; failures are logged and ignored.
     */
    public Mono<Void> logout(TokenSet tokens, ClientAddress clientAddress) {
        return client.post().uri("/api/auth/logout").contentType(MediaType.APPLICATION_JSON).headers(h -> {
            h.setBearerAuth(tokens.accessToken());
            ClientAddress.forward(h, clientAddress);
        }).bodyValue(Map.of("refresh_token", tokens.refreshToken())).exchangeToMono(response -> {
            if (!response.statusCode().is2xxSuccessful()) {
                log.info("auth logout answered {}", response.statusCode().value());
            }
            return response.releaseBody();
        }).timeout(properties.upstreamTimeout()).onErrorResume(ex -> {
            log.warn("auth logout failed: {}", ex.getClass().getSimpleName());
            return Mono.empty();
        });
    }

    /**
     * Registers an account; refusals carry the problem so the page can show field errors.
     */
    public Mono<Void> register(String email, String password, String name, ClientAddress clientAddress) {
        return client.post()
            .uri("/api/auth/register")
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
            .headers(h -> ClientAddress.forward(h, clientAddress))
            .bodyValue(Map.of("email", email, "password", password, "name", name))
            .exchangeToMono(response -> {
                int status = response.statusCode().value();
                if (response.statusCode().is2xxSuccessful()) {
                    return response.releaseBody();
                }
                if (status == 429) {
                    return response.releaseBody().then(Mono.error(new AuthExceptions.Throttled()));
                }
                if (response.statusCode().is4xxClientError()) {
                    return response.bodyToMono(byte[].class)
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> Mono
                            .error(new AuthExceptions.RegistrationRejected(ApiProblem.parse(status, body))));
                }
                return response.releaseBody()
                    .then(Mono.error(new AuthExceptions.Unavailable("auth answered " + status)));
            })
            .timeout(properties.upstreamTimeout())
            .onErrorMap(
                    ex -> !(ex instanceof AuthExceptions.Throttled || ex instanceof AuthExceptions.RegistrationRejected
                            || ex instanceof AuthExceptions.Unavailable),
                    ex -> new AuthExceptions.Unavailable("auth unreachable"));
    }

    /**
     * Changes the password with the session's access token. Every 2xx/4xx answer is
     * returned (the caller tells a rejected token from a wrong password); 5xx or no
     * answer give {@link AuthExceptions.Unavailable}.
     */
    public Mono<PasswordChangeResult> changePassword(String accessToken, String currentPassword, String newPassword,
            ClientAddress clientAddress) {
        return client.post()
            .uri("/api/auth/password")
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
            .headers(h -> {
                h.setBearerAuth(accessToken);
                ClientAddress.forward(h, clientAddress);
            })
            .bodyValue(Map.of("current_password", currentPassword, "new_password", newPassword))
            .exchangeToMono(response -> {
                int status = response.statusCode().value();
                if (response.statusCode().is5xxServerError()) {
                    return response.releaseBody()
                        .then(Mono.error(new AuthExceptions.Unavailable("auth answered " + status)));
                }
                boolean tokenRejected = status == 401 && response.headers()
                    .header(HttpHeaders.WWW_AUTHENTICATE)
                    .stream()
                    .anyMatch(value -> value.regionMatches(true, 0, "Bearer", 0, 6));
                return response.bodyToMono(byte[].class)
                    .defaultIfEmpty(new byte[0])
                    .map(body -> new PasswordChangeResult(status, tokenRejected, ApiProblem.parse(status, body)));
            })
            .timeout(properties.upstreamTimeout())
            .onErrorMap(ex -> !(ex instanceof AuthExceptions.Unavailable),
                    ex -> new AuthExceptions.Unavailable("auth unreachable"));
    }

}
