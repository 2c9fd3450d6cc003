package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class MemberCrudIT extends MemberServerTestSupport {

    @Test
    void createsReadsUpdatesAndDeletesMember() {
        String email = uniqueEmail("ada");
        var created = http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", email, "name", "  Ada Lovelace  ", "phone", "+44 20 7946 0958"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueMatches(HttpHeaders.LOCATION, "/api/members/[0-9a-f-]{36}")
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody(Member.class)
            .returnResult();
        Member member = created.getResponseBody();
        assertThat(member.name()).isEqualTo("Ada Lovelace");
        assertThat(member.email()).isEqualTo(email);
        assertThat(member.phone()).isEqualTo("+44 20 7946 0958");
        assertThat(member.version()).isZero();
        assertThat(member.createdAt()).isNotNull();
        assertThat(created.getResponseHeaders().getLocation().toString()).endsWith(member.id().toString());

        http.get()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"0\"")
            .expectBody()
            .jsonPath("$.id")
            .isEqualTo(member.id().toString())
            .jsonPath("$.email")
            .isEqualTo(email)
            .jsonPath("$.name")
            .isEqualTo("Ada Lovelace")
            .jsonPath("$.phone")
            .isEqualTo("+44 20 7946 0958")
            .jsonPath("$.createdAt")
            .isNotEmpty()
            .jsonPath("$.updatedAt")
            .isNotEmpty()
            .jsonPath("$.version")
            .isEqualTo(0)
            .jsonPath("$.length()")
            .isEqualTo(7);

        Member updated = http.put()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email, "Augusta Ada King", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"")
            .expectBody(Member.class)
            .returnResult()
            .getResponseBody();
        assertThat(updated.name()).isEqualTo("Augusta Ada King");
        assertThat(updated.phone()).isNull();
        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(member.updatedAt());

        http.delete()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNoContent();
        http.get()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(404);
    }

    @Test
    void answersBadRequestForMalformedIdAndNotFoundForUnknownId() {
        http.get()
            .uri("/api/members/not-a-uuid")
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("id");
        UUID unknown = UUID.randomUUID();
        http.get()
            .uri("/api/members/{id}", unknown)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("about:blank")
            .jsonPath("$.title")
            .isEqualTo("Not Found")
            .jsonPath("$.status")
            .isEqualTo(404)
            .jsonPath("$.detail")
            .isNotEmpty()
            .jsonPath("$.instance")
            .isEqualTo("/api/members/" + unknown);
        http.delete()
            .uri("/api/members/{id}", UUID.randomUUID())
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNotFound();
        http.put()
            .uri("/api/members/{id}", UUID.randomUUID())
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(uniqueEmail("ghost"), "Ghost", null))
            .exchange()
            .expectStatus()
            .isNotFound();
    }

    @Test
    void listsEveryInvalidField() {
        http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", "nope", "name", "   ", "phone", "call me"))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(400)
            .jsonPath("$.title")
            .isNotEmpty()
            .jsonPath("$.errors.length()")
            .isEqualTo(3)
            .jsonPath("$.errors[0].field")
            .isEqualTo("email")
            .jsonPath("$.errors[1].field")
            .isEqualTo("name")
            .jsonPath("$.errors[2].field")
            .isEqualTo("phone")
            .jsonPath("$.errors[0].message")
            .isNotEmpty();
        http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("email", "a".repeat(250) + "@x.io", "name", "n".repeat(101)))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("email")
            .jsonPath("$.errors[1].field")
            .isEqualTo("name");
    }

    @Test
    void rejectsDuplicateEmailIgnoringCase() {
        String email = uniqueEmail("grace");
        createMember(email, "Grace Hopper", null);

        for (String duplicate : new String[] { email, email.toUpperCase() }) {
            http.post()
                .uri("/api/members")
                .headers(h -> h.setBearerAuth(adminToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new MemberForm(duplicate, "Another Grace", null))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409);
        }
        Member other = createMember(uniqueEmail("other"), "Other", null);
        http.put()
            .uri("/api/members/{id}", other.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email.toUpperCase(), "Other", null))
            .exchange()
            .expectStatus()
            .isEqualTo(409);
        assertThat(countMembersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void refusesStaleIfMatchAndAcceptsCurrentOne() {
        String email = uniqueEmail("alan");
        Member member = createMember(email, "Alan Turing", null);

        http.put()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email, "Alan M. Turing", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"");

        http.put()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email, "Lost Update", null))
            .exchange()
            .expectStatus()
            .isEqualTo(412)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(412);

        http.put()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .header(HttpHeaders.IF_MATCH, "\"1\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(new MemberForm(email, "Alan Mathison Turing", null))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"2\"")
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Alan Mathison Turing");
    }

    @Test
    void letsExactlyOneOfConcurrentUpdatesWithSameIfMatchWin() {
        String email = uniqueEmail("race");
        Member member = createMember(email, "Race Start", null);
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port).build();
        String token = adminToken();

        List<Integer> statuses = Flux.range(0, 10)
            .flatMap(
                    i -> client.put()
                        .uri("/api/members/{id}", member.id())
                        .headers(h -> h.setBearerAuth(token))
                        .header(HttpHeaders.IF_MATCH, "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(new MemberForm(email, "Writer " + i, null))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                    10)
            .collectList()
            .block(Duration.ofSeconds(30));

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(9);
        http.get()
            .uri("/api/members/{id}", member.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectHeader()
            .valueEquals(HttpHeaders.ETAG, "\"1\"");
    }

    @Test
    void storesSqlAndScriptLookingNamesLiterally() {
        String sqlName = "Robert'); DROP TABLE members;--";
        String scriptName = "<script>alert(1)</script>";
        Member bobby = createMember(uniqueEmail("bobby"), sqlName, null);
        Member script = createMember(uniqueEmail("script"), scriptName, null);

        http.get()
            .uri("/api/members/{id}", bobby.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo(sqlName);
        http.get()
            .uri("/api/members/{id}", script.id())
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo(scriptName);
        http.get()
            .uri(uri -> uri.path("/api/members").queryParam("q", "{q}").build("'); DROP TABLE"))
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.content[0].name")
            .isEqualTo(sqlName);
    }

    @Test
    void usesConnectionPool(@Autowired ConnectionFactory connectionFactory) {
        assertThat(connectionFactory).isInstanceOf(ConnectionPool.class);
    }

    @Test
    void seedsNoDemoDataByDefault() {
        long demoRows = db.sql("SELECT count(*) AS n FROM member.members WHERE email LIKE '%@example.jp'")
            .map(row -> row.get("n", Long.class))
            .one()
            .block();

        assertThat(demoRows).isZero();
    }

}
