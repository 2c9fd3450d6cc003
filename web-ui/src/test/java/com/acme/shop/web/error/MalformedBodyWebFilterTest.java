package com.acme.shop.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class MalformedBodyWebFilterTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final MalformedBodyWebFilter filter = new MalformedBodyWebFilter();

    @Test
    void badPercentEncodingFailsTheRequestAsABadRequestBeforeTheChainRuns() {
        for (String body : new String[] { "name=%zz", "name=a%", "name=%4" }) {
            assertRejected(MockServerHttpRequest.post("/profile").header("Content-Type", FORM).body(body),
                    HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void aFormOverTheCodecLimitIsContentTooLarge() {
        assertRejected(MockServerHttpRequest.put("/members/x")
            .header("Content-Type", FORM)
            .body("name=" + "a".repeat(300 * 1024)), HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void aFormContentTypeThatDoesNotParseIsUnsupported() {
        for (String type : new String[] { FORM + "; charset=nope", FORM + "; charset=\"utf-8",
                " " + FORM.toUpperCase() + ";charset=" }) {
            // body(String) would parse the Content-Type itself: send raw bytes
            assertRejected(MockServerHttpRequest.post("/login")
                .header("Content-Type", type)
                .body(Flux
                    .just(DefaultDataBufferFactory.sharedInstance.wrap("email=a".getBytes(StandardCharsets.UTF_8)))),
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        }
    }

    @Test
    void aBrokenMultipartBodyIsABadRequestForWhoeverReadsIt() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/profile")
            .header("Content-Type", "multipart/form-data; boundary=xyz")
            .body("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"));
        WebFilterChain readsParts = e -> e.getMultipartData().then();
        StepVerifier.create(filter.filter(exchange, readsParts))
            .expectErrorSatisfies(
                    ex -> assertThat(((ResponseStatusException) ex).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST))
            .verify();
    }

    @Test
    void aGoodFormReachesTheChainReadOnce() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/profile")
            .header("Content-Type", FORM + ";charset=UTF-8")
            .body("name=Ada%20Admin&phone="));
        AtomicReference<MultiValueMap<String, String>> seen = new AtomicReference<>();
        StepVerifier.create(filter.filter(exchange, e -> e.getFormData().doOnNext(seen::set).then())).verifyComplete();
        assertThat(seen.get().getFirst("name")).isEqualTo("Ada Admin");
    }

    @Test
    void bodilessMethodsAndOtherContentTypesAreNotRead() {
        for (MockServerHttpRequest request : new MockServerHttpRequest[] {
                MockServerHttpRequest.method(org.springframework.http.HttpMethod.GET, "/login")
                    .header("Content-Type", FORM)
                    .body("name=%zz"),
                MockServerHttpRequest.post("/api/members")
                    .header("Content-Type", "application/json")
                    .body("{\"name\":\"%zz\"}") }) {
            AtomicBoolean reached = new AtomicBoolean();
            StepVerifier
                .create(filter.filter(MockServerWebExchange.from(request),
                        e -> Mono.fromRunnable(() -> reached.set(true))))
                .verifyComplete();
            assertThat(reached).isTrue();
        }
    }

    private void assertRejected(MockServerHttpRequest request, HttpStatus status) {
        AtomicBoolean reached = new AtomicBoolean();
        WebFilterChain chain = e -> e.getFormData().doOnSubscribe(s -> reached.set(true)).then();
        StepVerifier.create(filter.filter(MockServerWebExchange.from(request), chain))
            .expectErrorSatisfies(ex -> assertThat(ex).isInstanceOfSatisfying(ResponseStatusException.class,
                    rse -> assertThat(rse.getStatusCode()).isEqualTo(status)))
            .verify();
        assertThat(reached).as("the chain ran").isFalse();
    }

}
