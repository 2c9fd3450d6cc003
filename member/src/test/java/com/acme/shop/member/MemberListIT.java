package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

class MemberListIT extends MemberServerTestSupport {

    /**
     * Members of this test carry a unique tag in their email, so other tests' rows never
     * match the search.
     */
    private final String tag = "lst" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void pagesSortsAndSearchesCaseInsensitively() {
        List<String> names = List.of("Charlie Brown", "alice Smith", "Bob Jones", "Dave Müller", "eve Adams");
        for (int i = 0; i < names.size(); i++) {
            createMember("m" + i + "." + tag + "@example.com", names.get(i), null);
        }

        Map<String, Object> first = page(tag.toUpperCase(), "page=0&size=2&sort=name,asc");
        assertThat(names(first)).containsExactly("alice Smith", "Bob Jones");
        assertThat(first.get("page")).isEqualTo(Map.of("size", 2, "number", 0, "totalElements", 5, "totalPages", 3));

        Map<String, Object> last = page(tag, "page=2&size=2&sort=name,asc");
        assertThat(names(last)).containsExactly("eve Adams");

        assertThat(names(page(tag, "size=5&sort=name,desc"))).containsExactly("eve Adams", "Dave Müller",
                "Charlie Brown", "Bob Jones", "alice Smith");
        assertThat(names(page(tag, "size=5&sort=email,asc"))).containsExactly("Charlie Brown", "alice Smith",
                "Bob Jones", "Dave Müller", "eve Adams");
        assertThat(names(page(tag, "size=5&sort=createdAt,desc"))).containsExactly("eve Adams", "Dave Müller",
                "Bob Jones", "alice Smith", "Charlie Brown");

        // q matches the name as well as the email, ignoring case
        assertThat(names(page("dAVE m", "size=100"))).contains("Dave Müller");
        assertThat(names(page("müller", "size=100"))).contains("Dave Müller");

        Map<String, Object> beyond = page(tag, "page=9&size=2");
        assertThat(names(beyond)).isEmpty();
        assertThat(beyond.get("page")).isEqualTo(Map.of("size", 2, "number", 9, "totalElements", 5, "totalPages", 3));
    }

    @Test
    void treatsLikeWildcardsInQueryLiterally() {
        createMember("pct." + tag + "@example.com", "100% Real_Name", null);
        createMember("plain." + tag + "@example.com", "100X RealXName", null);

        assertThat(names(page("100%", "size=100"))).contains("100% Real_Name").doesNotContain("100X RealXName");
        assertThat(names(page("l_N", "size=100"))).containsExactly("100% Real_Name");
        assertThat(page("%", "size=100").get("content")).asList().isNotEmpty();
    }

    @Test
    void rejectsInvalidPagingAndSorting() {
        for (String query : new String[] { "sort=password,asc", "sort=name,up", "size=0", "size=101", "page=-1",
                "page=abc" }) {
            http.get()
                .uri("/api/members?" + query)
                .headers(h -> h.setBearerAuth(adminToken()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isNotEmpty();
        }
    }

    @Test
    void rejectsASearchWithControlCharactersInsteadOfFailingInTheDatabase() {
        // PostgreSQL rejects a NUL in text ("invalid byte sequence for encoding UTF8:
        // 0x00"): found by e2e FuzzIT
        for (String q : new String[] { "\u0000", "a\u0000b", "x\u0001y", "\u007f" }) {
            http.get()
                .uri(uri -> uri.path("/api/members").queryParam("q", "{q}").build(q))
                .headers(h -> h.setBearerAuth(adminToken()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("q");
        }
    }

    /**
     * GET /api/members with {@code q} (encoded as a query value) and further raw
     * parameters.
     */
    private Map<String, Object> page(String q, String params) {
        return http.get()
            .uri(uri -> uri.path("/api/members").queryParam("q", "{q}").query(params).build(q))
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
            })
            .returnResult()
            .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("content")).stream().map(m -> (String) m.get("name")).toList();
    }

}
