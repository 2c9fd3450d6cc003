package com.acme.shop.auth.registration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.auth.token.AccessTokenIssuer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** member's internal endpoints, called with a fresh service token (docs/contracts.md). */
class MemberClient {

    enum Outcome {

        CREATED, CONFLICT, REJECTED

    }

    private final WebClient web;

    private final MemberProperties properties;

    private final AccessTokenIssuer issuer;

    MemberClient(WebClient.Builder builder, MemberProperties properties, AccessTokenIssuer issuer) {
        this.web = builder.baseUrl(properties.url().toString()).build();
        this.properties = properties;
        this.issuer = issuer;
    }

    /**
     * Creates (idempotently) the member profile; errors with
     * {@link MemberUnavailableException} when member is down.
     */
    Mono<Outcome> create(UUID id, String email, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("email", email);
        body.put("name", name);
        // deferred: every (re)subscription builds the request with a fresh service token
        return Mono.defer(() -> web.post()
            .uri("/internal/members")
            .headers(h -> h.setBearerAuth(issuer.serviceToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchangeToMono(response -> {
                HttpStatus status = HttpStatus.resolve(response.statusCode().value());
                Outcome outcome = response.statusCode().is2xxSuccessful() ? Outcome.CREATED
                        : status == HttpStatus.CONFLICT ? Outcome.CONFLICT
                                : status == HttpStatus.BAD_REQUEST || status == HttpStatus.UNPROCESSABLE_ENTITY
                                        ? Outcome.REJECTED : null;
                Mono<Void> drained = response.releaseBody();
                return outcome == null
                        ? drained.then(Mono.error(new MemberUnavailableException("member answered " + status)))
                        : drained.thenReturn(outcome);
            }))
            .timeout(properties.timeout())
            .onErrorMap(ex -> !(ex instanceof MemberUnavailableException),
                    ex -> new MemberUnavailableException(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
    }

    Mono<Void> delete(UUID id) {
        return Mono
            .defer(() -> web.delete()
                .uri("/internal/members/{id}", id)
                .headers(h -> h.setBearerAuth(issuer.serviceToken()))
                .retrieve()
                .toBodilessEntity())
            .timeout(properties.timeout())
            .then();
    }

    static class MemberUnavailableException extends RuntimeException {

        MemberUnavailableException(String message) {
            super(message, null, false, false);
        }

    }

}
