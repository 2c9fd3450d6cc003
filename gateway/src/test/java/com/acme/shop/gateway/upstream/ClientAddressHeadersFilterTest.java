package com.acme.shop.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressHeadersFilterTest {

    private final ClientAddressHeadersFilter filter = new ClientAddressHeadersFilter();

    @Test
    void setsForwardedForToTheConnectionAddress() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/members")
                .remoteAddress(new InetSocketAddress("203.0.113.7", 50000)));
        HttpHeaders upstream = filter.filter(new HttpHeaders(), exchange);
        assertThat(upstream.getFirst("X-Forwarded-For")).isEqualTo("203.0.113.7");
    }

    @Test
    void keepsAForwardedForTheGatewayAlreadyBuiltForATrustedProxy() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/members")
                .remoteAddress(new InetSocketAddress("10.0.0.2", 50000)));
        HttpHeaders input = new HttpHeaders();
        input.set("X-Forwarded-For", "198.51.100.1, 10.0.0.2");
        assertThat(filter.filter(input, exchange).getFirst("X-Forwarded-For")).isEqualTo("198.51.100.1, 10.0.0.2");
    }
}
