package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class MemberIdempotencyIT extends MemberServerTestSupport {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    @Test
    void replaysStoredResponseForSameKey() {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + uniqueEmail("idem") + "\",\"name\":\"Idem Potent\"}";

        EntityExchangeResult<byte[]> first = post(key, body).expectStatus()
            .isCreated()
            .expectHeader()
            .value(REPLAYED, value -> assertThat(value).isIn(null, "false"))
            .expectBody()
            .returnResult();
        EntityExchangeResult<byte[]> second = post(key, body).expectStatus()
            .isCreated()
            .expectHeader()
            .valueEquals(REPLAYED, "true")
            .expectBody()
            .returnResult();

        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
    }

    @Test
    void refusesSameKeyWithDifferentBody() {
        String key = UUID.randomUUID().toString();
        post(key, "{\"email\":\"" + uniqueEmail("one") + "\",\"name\":\"One\"}").expectStatus().isCreated();

        post(key, "{\"email\":\"" + uniqueEmail("two") + "\",\"name\":\"Two\"}").expectStatus()
            .isEqualTo(422)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void sameKeyFromAnotherPrincipalIsAnotherOperation() {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + uniqueEmail("scoped") + "\",\"name\":\"Scoped\"}";
        post(key, body).expectStatus().isCreated();

        http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(TOKENS.admin(UUID.randomUUID())))
            .header(KEY_HEADER, key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .doesNotExist(REPLAYED);
    }

    @Test
    void rejectsMalformedKey() {
        post("not a valid key!", "{\"email\":\"" + uniqueEmail("bad") + "\",\"name\":\"Bad Key\"}").expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void createsExactlyOneMemberForConcurrentRequestsWithSameKey() {
        String key = UUID.randomUUID().toString();
        String email = uniqueEmail("race");
        String body = "{\"email\":\"" + email + "\",\"name\":\"Race Condition\"}";
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).build();
        String token = adminToken();

        List<Integer> statuses = Flux.range(0, 100)
            .flatMap(
                    i -> client.post()
                        .uri("/api/members")
                        .headers(h -> h.setBearerAuth(token))
                        .header(KEY_HEADER, key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                    100)
            .collectList()
            .block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(100).allMatch(status -> status == 201 || status == 409);
        assertThat(statuses).contains(201);
        assertThat(countMembersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void ignoresKeyOnPut() {
        Member member = createMember(uniqueEmail("put"), "Put Member", null);
        String key = UUID.randomUUID().toString();
        for (int version = 1; version <= 2; version++) {
            http.put()
                .uri("/api/members/{id}", member.id())
                .headers(h -> h.setBearerAuth(adminToken()))
                .header(KEY_HEADER, key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new MemberForm(member.email(), "Put Member " + version, null))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"" + version + "\"")
                .expectHeader()
                .doesNotExist(REPLAYED);
        }
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String key, String body) {
        return http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .header(KEY_HEADER, key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }

}
