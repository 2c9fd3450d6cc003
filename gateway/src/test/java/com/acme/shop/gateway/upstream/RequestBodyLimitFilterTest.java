package com.acme.shop.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class RequestBodyLimitFilterTest {

    @Test
    void passesBodyUpToTheLimit() {
        StepVerifier.create(RequestBodyLimitFilter.limit(chunks(4, 256), 1024)).expectNextCount(4).verifyComplete();
    }

    @Test
    void failsWith413OnceTheLimitIsExceeded() {
        StepVerifier.create(RequestBodyLimitFilter.limit(chunks(5, 256), 1024))
            .expectNextCount(4)
            .expectErrorSatisfies(error -> assertThat(((ResponseStatusException) error).getStatusCode())
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
            .verify();
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }

}
