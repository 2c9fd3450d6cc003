package com.acme.shop.web.members;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayClient;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;
import com.acme.shop.web.page.IdempotencyKeys;

import reactor.core.publisher.Mono;

/**
 * The gateway's member API for the pages: the list, one member, create, update and delete
 * (ADMIN), and the caller's own record ({@code /api/members/me}). Reads that a page
 * cannot show fail with {@link GatewayException}; writes return the gateway's answer,
 * whose refusals the page turns into form errors. Member ids are checked
 * ({@link MemberIds}) before they reach a URL.
 */
@Component
public class MemberClient {

    private static final String MEMBERS = "/api/members";

    private static final String ME = MEMBERS + "/me";

    private final GatewayClient gateway;

    MemberClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** One page of the list for {@code query}. */
    Mono<MemberPage> page(ServerWebExchange exchange, MemberQuery query) {
        return gateway.get(exchange, query.apiUri())
            .map(response -> read(response, MemberPage.class, response.status(), "members not loaded"));
    }

    /** One member with its ETag; an id the gateway refuses (400) is not found (404). */
    Mono<Versioned> get(ServerWebExchange exchange, String id) {
        return gateway.get(exchange, member(id))
            .map(response -> new Versioned(read(response, Member.class,
                    response.status() == 400 ? 404 : response.status(), "member not loaded"), response.etag()));
    }

    Mono<GatewayResponse> create(ServerWebExchange exchange, MemberForm form) {
        return gateway.send(exchange, HttpMethod.POST, MEMBERS, form.body(),
                headers -> idempotent(headers, form.idempotencyKey()));
    }

    /** Updates the member; the form's ETag, when it has one, becomes {@code If-Match}. */
    Mono<GatewayResponse> update(ServerWebExchange exchange, String id, MemberForm form) {
        return gateway.send(exchange, HttpMethod.PUT, member(id), form.body(), headers -> {
            idempotent(headers, form.idempotencyKey());
            if (form.etag() != null && !form.etag().isBlank()) {
                headers.set(HttpHeaders.IF_MATCH, form.etag());
            }
        });
    }

    /** Deletes the member; one that is already gone counts as deleted. */
    Mono<Void> delete(ServerWebExchange exchange, String id) {
        return gateway.send(exchange, HttpMethod.DELETE, member(id), null, headers -> {
        })
            .flatMap(response -> response.isSuccess() || response.status() == 404 ? Mono.<Void>empty()
                    : Mono.error(new GatewayException(response.status(), "delete failed")));
    }

    /** The caller's own member record. */
    public Mono<Member> me(ServerWebExchange exchange) {
        return gateway.get(exchange, ME)
            .map(response -> read(response, Member.class, response.status(), "profile not loaded"));
    }

    /** Updates the caller's own member record with {@code body}. */
    public Mono<GatewayResponse> updateMe(ServerWebExchange exchange, Map<String, Object> body, String idempotencyKey) {
        return gateway.send(exchange, HttpMethod.PUT, ME, body, headers -> idempotent(headers, idempotencyKey));
    }

    /** A member as read, with the ETag it was read with. */
    record Versioned(Member member, String etag) {
    }

    private static String member(String id) {
        return MEMBERS + "/" + MemberIds.checked(id);
    }

    private static void idempotent(HttpHeaders headers, String key) {
        headers.set(IdempotencyKeys.HEADER, key);
    }

    private static <T> T read(GatewayResponse response, Class<T> type, int failureStatus, String failure) {
        if (!response.isSuccess()) {
            throw new GatewayException(failureStatus, failure);
        }
        return response.as(type);
    }

}
