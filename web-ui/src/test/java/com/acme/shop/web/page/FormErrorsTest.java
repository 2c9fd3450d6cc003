package com.acme.shop.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.acme.shop.web.client.ApiProblem;

class FormErrorsTest {

    @Test
    void problemFieldErrorsLandNextToTheirFields() {
        ApiProblem problem = ApiProblem.parse(400, ("{\"title\":\"Bad Request\",\"status\":400,\"errors\":["
                + "{\"field\":\"email\",\"message\":\"must be a well-formed email address\"},{\"field\":\"other\",\"message\":\"x\"}]}")
            .getBytes(StandardCharsets.UTF_8));

        FormErrors errors = FormErrors.from(problem, Set.of("email", "name"), "fallback");

        assertThat(errors.get("email")).isEqualTo("must be a well-formed email address");
        assertThat(errors.has("name")).isFalse();
        assertThat(errors.getGlobal()).isEqualTo("other: x");
    }

    @Test
    void problemWithoutFieldErrorsBecomesTheFormMessage() {
        ApiProblem problem = ApiProblem.parse(409,
                "{\"title\":\"Conflict\",\"detail\":\"Email already used\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(FormErrors.from(problem, Set.of("email"), "fallback").getGlobal()).isEqualTo("Email already used");
    }

    @Test
    void unreadableBodyFallsBack() {
        ApiProblem problem = ApiProblem.parse(400, "<html>".getBytes(StandardCharsets.UTF_8));

        assertThat(FormErrors.from(problem, Set.of("email"), "Please correct the errors").getGlobal())
            .isEqualTo("Please correct the errors");
    }

}
