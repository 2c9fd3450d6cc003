package com.acme.shop.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

class ProblemResponsesTest {

    @Test
    void writesTypeTitleStatusAndDetailAsProblemJson() {
        MockServerHttpResponse response = new MockServerHttpResponse();

        ProblemResponses.write(response, HttpStatus.NOT_FOUND, "No such \"API\"").block();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBodyAsString().block()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such \\\"API\\\"\"}");
    }

}
