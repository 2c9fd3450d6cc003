package com.acme.shop.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import com.acme.shop.common.net.TrustedProxies;

class ClientAddressTest {

    private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.5", 40000);

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverItForwards() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/")
            .remoteAddress(PROXY)
            .header("X-Forwarded-For", "203.0.113.9")
            .build();

        assertThat(ClientAddress.resolve(request, TrustedProxies.none())).isEqualTo(new ClientAddress("10.0.0.5"));
    }

    @Test
    void aTrustedPeersForwardedForNamesTheClient() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/")
            .remoteAddress(PROXY)
            .header("X-Forwarded-For", "203.0.113.9")
            .build();

        assertThat(ClientAddress.resolve(request, TrustedProxies.parse("10.0.0.0/8")))
            .isEqualTo(new ClientAddress("203.0.113.9"));
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWhenOthersAreTrusted() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/")
            .remoteAddress(new InetSocketAddress("198.51.100.4", 1))
            .header("X-Forwarded-For", "203.0.113.9")
            .build();

        assertThat(ClientAddress.resolve(request, TrustedProxies.parse("10.0.0.0/8")))
            .isEqualTo(new ClientAddress("198.51.100.4"));
    }

}
