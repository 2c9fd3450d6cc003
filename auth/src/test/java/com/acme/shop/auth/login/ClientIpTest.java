package com.acme.shop.auth.login;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIpTest {

    @Test
    void takesTheLastForwardedForEntryAddedByTheTrustedProxy() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.7")
                .remoteAddress(new InetSocketAddress("10.0.0.2", 5555)).build();
        assertThat(ClientIp.of(request, true)).isEqualTo("203.0.113.7");
    }

    @Test
    void usesTheRemoteAddressWhenForwardedForIsNotTrustedOrAbsent() {
        MockServerHttpRequest forwarded = MockServerHttpRequest.post("/api/auth/login")
                .header("X-Forwarded-For", "203.0.113.7")
                .remoteAddress(new InetSocketAddress("10.0.0.2", 5555)).build();
        assertThat(ClientIp.of(forwarded, false)).isEqualTo("10.0.0.2");
        MockServerHttpRequest direct = MockServerHttpRequest.post("/api/auth/login")
                .remoteAddress(new InetSocketAddress("10.0.0.3", 5555)).build();
        assertThat(ClientIp.of(direct, true)).isEqualTo("10.0.0.3");
    }

    @Test
    void ignoresAForwardedForValueThatIsNotAnAddress() {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/auth/login")
                .header("X-Forwarded-For", "a b c {}")
                .remoteAddress(new InetSocketAddress("10.0.0.2", 5555)).build();
        assertThat(ClientIp.of(request, true)).isEqualTo("10.0.0.2");
    }
}
