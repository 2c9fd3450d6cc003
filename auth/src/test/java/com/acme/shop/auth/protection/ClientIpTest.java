package com.acme.shop.auth.protection;

import java.net.InetSocketAddress;

import com.acme.shop.common.net.TrustedProxies;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIpTest {

    private final TrustedProxies gatewayAndWebUi = TrustedProxies.parse("10.0.0.0/24");

    @Test
    void ignoresForwardedForFromAPeerThatIsNotATrustedProxy() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
            .header("X-Forwarded-For", "203.0.113.7")
            .remoteAddress(new InetSocketAddress("198.51.100.9", 5555))
            .build();

        assertThat(ClientIp.of(request, gatewayAndWebUi)).isEqualTo("198.51.100.9");
    }

    @Test
    void ignoresForwardedForEntirelyWhenNoProxyIsTrusted() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
            .header("X-Forwarded-For", "203.0.113.7")
            .remoteAddress(new InetSocketAddress("10.0.0.2", 5555))
            .build();

        assertThat(ClientIp.of(request, TrustedProxies.none())).isEqualTo("10.0.0.2");
    }

    @Test
    void honoursForwardedForFromATrustedProxyTakingTheRightmostUntrustedEntry() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
            .header("X-Forwarded-For", "6.6.6.6, 203.0.113.7, 10.0.0.3")
            .remoteAddress(new InetSocketAddress("10.0.0.2", 5555))
            .build();

        assertThat(ClientIp.of(request, gatewayAndWebUi)).isEqualTo("203.0.113.7");
    }

    @Test
    void aGarbageForwardedForFromATrustedProxyCountsAsTheProxy() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
            .header("X-Forwarded-For", "a b c {}")
            .remoteAddress(new InetSocketAddress("10.0.0.2", 5555))
            .build();

        assertThat(ClientIp.of(request, gatewayAndWebUi)).isEqualTo("10.0.0.2");
    }

}
