package com.acme.shop.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.acme.shop.common.net.TrustedProxies;

class ClientAddressHeadersFilterTest {

    private static ClientAddressHeadersFilter filter(String trustedProxies) {
        return new ClientAddressHeadersFilter(TrustedProxies.parse(trustedProxies), new MockEnvironment());
    }

    private static MockServerWebExchange from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/members")
            .remoteAddress(new InetSocketAddress(peer, 50000));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        return MockServerWebExchange.from(request);
    }

    @Test
    void setsForwardedForToTheConnectionAddress() {
        HttpHeaders upstream = filter("").filter(new HttpHeaders(), from("203.0.113.7"));
        assertThat(upstream.get("X-Forwarded-For")).containsExactly("203.0.113.7");
    }

    @Test
    void ignoresAClientSentForwardedForWhenNoProxyIsTrusted() {
        HttpHeaders upstream = filter("").filter(new HttpHeaders(), from("203.0.113.7", "6.6.6.6"));
        assertThat(upstream.get("X-Forwarded-For")).containsExactly("203.0.113.7");
    }

    @Test
    void ignoresTheForwardedForOfAPeerThatIsNotATrustedProxy() {
        HttpHeaders upstream = filter("10.0.0.0/8").filter(new HttpHeaders(), from("203.0.113.7", "6.6.6.6"));
        assertThat(upstream.get("X-Forwarded-For")).containsExactly("203.0.113.7");
    }

    @Test
    void sendsOnlyTheRealClientBehindATrustedProxy() {
        // a TLS proxy at 10.0.0.2 appended the client it saw; the client had sent a fake
        // entry of its own
        HttpHeaders upstream = filter("10.0.0.0/8").filter(new HttpHeaders(),
                from("10.0.0.2", "6.6.6.6, 198.51.100.1"));
        assertThat(upstream.get("X-Forwarded-For")).containsExactly("198.51.100.1");
    }

    @Test
    void replacesAForwardedForAnotherHeadersFilterPassedOn() {
        HttpHeaders input = new HttpHeaders();
        input.set("X-Forwarded-For", "6.6.6.6");
        HttpHeaders upstream = filter("").filter(input, from("203.0.113.7", "6.6.6.6"));
        assertThat(upstream.get("X-Forwarded-For")).containsExactly("203.0.113.7");
    }

    @Test
    void refusesToStartWhenSpringCloudGatewaysOwnTrustedProxiesIsSetToo() {
        MockEnvironment environment = new MockEnvironment().withProperty(ClientAddressHeadersFilter.SCG_TRUSTED_PROXIES,
                "10\\.0\\.0\\.\\d+");
        assertThatThrownBy(() -> new ClientAddressHeadersFilter(TrustedProxies.none(), environment))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("TRUSTED_PROXIES");
    }

}
