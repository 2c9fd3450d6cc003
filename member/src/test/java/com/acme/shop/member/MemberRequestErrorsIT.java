package com.acme.shop.member;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class MemberRequestErrorsIT extends MemberServerTestSupport {

    @Test
    void answersMalformedJsonWithBadRequestProblem() {
        http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\": \"x@example.com\", \"name\": ")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(400)
            .jsonPath("$.trace")
            .doesNotExist();
    }

    @Test
    void answersWrongContentTypeWithUnsupportedMediaTypeProblem() {
        http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("email=x@example.com")
            .exchange()
            .expectStatus()
            .isEqualTo(415)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(415);
    }

    @Test
    void answersOversizedBodyWithContentTooLargeProblem() {
        String body = "{\"email\":\"big@example.com\",\"name\":\"Big\",\"phone\":\"" + "1".repeat(1024 * 1024 + 10)
                + "\"}";
        http.post()
            .uri("/api/members")
            .headers(h -> h.setBearerAuth(adminToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(413);
    }

    @Test
    void answersUnknownPathWithNotFoundProblem() {
        http.get()
            .uri("/api/nothing-here")
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

}
