package com.acme.shop.common;

import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.common.requestid.RequestIdWebFilter;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Real HTTP against a minimal service that uses the common auto-configuration. */
@SpringBootTest(classes = CommonWebIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.http.codecs.max-in-memory-size=2KB", "shop.jwt.audience=shop-test",
                "DATABASE_URL=postgresql://app:pw@db.internal:6543/shop" })
@ExtendWith(OutputCaptureExtension.class)
class CommonWebIT {

    @LocalServerPort
    int port;

    WebTestClient client;

    @Autowired
    Environment environment;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
    }

    @Test
    void environmentPostProcessorIsRegisteredAndMapsDatabaseUrl() {
        assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db.internal:6543/shop");
        assertThat(environment.getProperty("spring.r2dbc.username")).isEqualTo("app");
    }

    @Test
    void malformedJsonIs400Problem() {
        client.post()
            .uri("/api/things")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\": ")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(400)
            .jsonPath("$.title")
            .isEqualTo("Bad Request")
            .jsonPath("$.type")
            .isEqualTo("about:blank")
            .jsonPath("$.instance")
            .isEqualTo("/api/things")
            .jsonPath("$.detail")
            .isNotEmpty();
    }

    @Test
    void invalidBodyIs400WithFieldErrors() {
        client.post()
            .uri("/api/things")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"email\": \"not-an-email\", \"name\": \"\"}")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors.length()")
            .isEqualTo(2)
            .jsonPath("$.errors[?(@.field == 'email')].message")
            .isNotEmpty()
            .jsonPath("$.errors[?(@.field == 'name')].message")
            .isNotEmpty();
    }

    @Test
    void fieldErrorsUseJsonNamesInDeclarationOrder() {
        for (int run = 0; run < 5; run++) {
            client.post()
                .uri("/api/secrets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"current_password\": \"\", \"new_password\": \"\", \"name\": \"\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Validation failed.")
                .jsonPath("$.errors.length()")
                .isEqualTo(3)
                .jsonPath("$.errors[0].field")
                .isEqualTo("current_password")
                .jsonPath("$.errors[1].field")
                .isEqualTo("new_password")
                .jsonPath("$.errors[2].field")
                .isEqualTo("name")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must not be blank");
        }
    }

    @Test
    void problemExceptionKeepsStatusDetailHeadersAndFieldErrors() {
        client.get()
            .uri("/api/slow-down")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("Retry-After", "7")
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("about:blank")
            .jsonPath("$.title")
            .isEqualTo("Too Many Requests")
            .jsonPath("$.status")
            .isEqualTo(429)
            .jsonPath("$.detail")
            .isEqualTo("Slow down")
            .jsonPath("$.instance")
            .isEqualTo("/api/slow-down")
            .jsonPath("$.errors")
            .doesNotExist();
        client.get()
            .uri("/api/invalid-field")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Validation failed.")
            .jsonPath("$.errors.length()")
            .isEqualTo(1)
            .jsonPath("$.errors[0].field")
            .isEqualTo("q")
            .jsonPath("$.errors[0].message")
            .isEqualTo("must not contain control characters");
    }

    @Test
    void wrongContentTypeIs415() {
        client.post()
            .uri("/api/things")
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("hello")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(415);
    }

    @Test
    void bodyOverCodecLimitIs413() {
        String big = "{\"email\":\"a@b.example\",\"name\":\"" + "x".repeat(10_000) + "\"}";
        client.post()
            .uri("/api/things")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(big)
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(413);
    }

    @Test
    void unknownPathIs404Problem() {
        client.get()
            .uri("/api/nothing-here")
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
    void wrongMethodIs405WithAllow() {
        client.delete()
            .uri("/api/things")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .value("Allow", containsString("POST"));
    }

    @Test
    void badQueryParameterIs400() {
        client.get()
            .uri("/api/count?n=abc")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void responseStatusExceptionKeepsStatusAndReason() {
        client.get()
            .uri("/api/conflict")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.CONFLICT)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Email already taken");
    }

    @Test
    void unexpectedErrorIs500WithGenericDetailLoggedOnceWithRequestId(CapturedOutput output) {
        client.get()
            .uri("/api/boom")
            .header(RequestIdWebFilter.HEADER, "boom-req-1")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("An unexpected error occurred.")
            .jsonPath("$.trace")
            .doesNotExist()
            .consumeWith(r -> assertThat(new String(r.getResponseBody())).doesNotContain("secret internals"));
        assertThat(output.getOut() + output.getErr())
            .containsOnlyOnce("Unhandled error on GET /api/boom requestId=boom-req-1");
    }

    @Test
    void keepsValidRequestIdAndEchoesIt() {
        client.get()
            .uri("/api/echo-id")
            .header(RequestIdWebFilter.HEADER, "abc-123.x:y_z")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(RequestIdWebFilter.HEADER, "abc-123.x:y_z")
            .expectBody(String.class)
            .isEqualTo("abc-123.x:y_z");
    }

    @Test
    void replacesInvalidRequestIdWithUuid() {
        client.get()
            .uri("/api/echo-id")
            .header(RequestIdWebFilter.HEADER, "bad id with spaces <script>")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .value(RequestIdWebFilter.HEADER, v -> assertThat(v).matches("[0-9a-f-]{36}"))
            .expectBody(String.class)
            .value(not(containsString("script")));
    }

    @Test
    void createsRequestIdWhenMissingAndPutsItOnErrorsToo() {
        client.get()
            .uri("/api/nothing-here")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .value(RequestIdWebFilter.HEADER, v -> assertThat(v).matches("[0-9a-f-]{36}"));
    }

    @Test
    void logsOneLinePerRequestWithoutQueryString(CapturedOutput output) {
        client.get()
            .uri("/api/count?n=5&token=very-secret")
            .header(RequestIdWebFilter.HEADER, "log-line-1")
            .exchange()
            .expectStatus()
            .isOk();
        // the line is written when the response is committed; poll instead of sleeping
        long deadline = System.currentTimeMillis() + 5000;
        while (!output.getOut().contains("log-line-1") && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(output.getOut()).containsPattern("GET /api/count 200 \\d+ms log-line-1");
        assertThat(output.getOut()).doesNotContain("very-secret");
    }

    @Test
    void browserPageRequestsAreLeftToTheHtmlErrorHandler() {
        client.get()
            .uri("/some-page")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Things.class)
    static class App {

        @Bean
        SecurityWebFilterChain openChain(ServerHttpSecurity http) {
            return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(e -> e.anyExchange().permitAll())
                .build();
        }

    }

    record Thing(@NotBlank @Email String email, @NotBlank String name) {
    }

    record Secret(@JsonProperty("current_password") @NotBlank String currentPassword,
            @JsonProperty("new_password") @NotBlank String newPassword, @NotBlank String name) {
    }

    @RestController
    static class Things {

        @PostMapping(path = "/api/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<Thing> create(@Valid @RequestBody Thing thing) {
            return Mono.just(thing);
        }

        @PostMapping(path = "/api/secrets", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<String> secret(@Valid @RequestBody Secret secret) {
            return Mono.just("ok");
        }

        @GetMapping("/api/slow-down")
        Mono<String> slowDown() {
            return Mono.error(ProblemException.of(HttpStatus.TOO_MANY_REQUESTS, "Slow down").retryAfter(7));
        }

        @GetMapping("/api/invalid-field")
        Mono<String> invalidField() {
            return Mono.error(ProblemException.invalid("q", "must not contain control characters"));
        }

        @GetMapping("/api/count")
        int count(@RequestParam int n) {
            return n;
        }

        @GetMapping("/api/conflict")
        Mono<String> conflict() {
            return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "Email already taken"));
        }

        @GetMapping("/api/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("secret internals"));
        }

        @GetMapping("/api/echo-id")
        Mono<String> echo(@org.springframework.web.bind.annotation.RequestHeader("X-Request-Id") String id) {
            return Mono.just(id);
        }

    }

}
