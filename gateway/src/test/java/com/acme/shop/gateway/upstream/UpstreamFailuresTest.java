package com.acme.shop.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.netty.channel.ConnectTimeoutException;

class UpstreamFailuresTest {

    @Test
    void connectionRefusedIsServiceUnavailable() {
        assertThat(UpstreamFailures.classify(new ConnectException("Connection refused")))
            .contains(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void wrappedConnectFailureIsServiceUnavailable() {
        assertThat(UpstreamFailures.classify(new IllegalStateException(new ConnectTimeoutException("slow connect"))))
            .contains(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(UpstreamFailures.classify(new UnknownHostException("member")))
            .contains(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void responseTimeoutIsGatewayTimeout() {
        assertThat(UpstreamFailures.classify(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "took too long")))
            .contains(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(UpstreamFailures.classify(new TimeoutException())).contains(HttpStatus.GATEWAY_TIMEOUT);
    }

    @Test
    void otherErrorsAreNotUpstreamFailures() {
        assertThat(UpstreamFailures.classify(new IOException("disk"))).isEmpty();
        assertThat(UpstreamFailures.classify(new ResponseStatusException(HttpStatus.BAD_REQUEST))).isEmpty();
    }

    @Test
    void detailNamesNoAddress() {
        assertThat(UpstreamFailures.detail(HttpStatus.SERVICE_UNAVAILABLE)).doesNotContain("localhost").isNotBlank();
    }

    @Test
    void unavailableAdvertisesRetryAfter() {
        ResponseStatusException unavailable = new UpstreamFailureFilter.UpstreamFailureException(
                HttpStatus.SERVICE_UNAVAILABLE, "down", null);
        ResponseStatusException timeout = new UpstreamFailureFilter.UpstreamFailureException(HttpStatus.GATEWAY_TIMEOUT,
                "slow", null);
        assertThat(unavailable.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(timeout.getHeaders().containsHeader("Retry-After")).isFalse();
    }

}
