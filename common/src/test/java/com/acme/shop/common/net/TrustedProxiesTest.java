package com.acme.shop.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static InetSocketAddress peer(String ip) {
        return new InetSocketAddress(ip, 40000);
    }

    @Test
    void emptyListTrustsNoForwardedHeader() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.clientAddress(peer("127.0.0.1"), List.of("6.6.6.6"))).isEqualTo("127.0.0.1");
    }

    @Test
    void untrustedPeerIsTheClientWhateverItForwards() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
        assertThat(proxies.clientAddress(peer("203.0.113.9"), List.of("10.1.1.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void trustedPeerHandsOverToTheRightmostUntrustedEntry() {
        TrustedProxies proxies = TrustedProxies.parse("127.0.0.1/32, ::1/128, 10.0.0.0/8");
        assertThat(proxies.clientAddress(peer("127.0.0.1"), List.of("6.6.6.6, 198.51.100.7, 10.0.0.5")))
            .isEqualTo("198.51.100.7");
        assertThat(proxies.clientAddress(peer("::1"), List.of("6.6.6.6", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void trustedPeerWithoutHeaderIsItself() {
        TrustedProxies proxies = TrustedProxies.parse("127.0.0.1");
        assertThat(proxies.clientAddress(peer("127.0.0.1"), List.of())).isEqualTo("127.0.0.1");
        assertThat(proxies.clientAddress(peer("127.0.0.1"), null)).isEqualTo("127.0.0.1");
    }

    @Test
    void malformedEntryStopsTheWalkAtTheLastGoodAddress() {
        TrustedProxies proxies = TrustedProxies.parse("127.0.0.1/32,10.0.0.0/8");
        assertThat(proxies.clientAddress(peer("127.0.0.1"), List.of("1.2.3.4, evil.example, 10.0.0.2")))
            .isEqualTo("10.0.0.2");
        assertThat(proxies.clientAddress(peer("127.0.0.1"), List.of("999.1.1.1"))).isEqualTo("127.0.0.1");
        assertThat(proxies.clientAddress(peer("127.0.0.1"), List.of("\u0000"))).isEqualTo("127.0.0.1");
    }

    @Test
    void allTrustedGivesTheLeftmost() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
        assertThat(proxies.clientAddress(peer("10.0.0.1"), List.of("10.0.0.3, 10.0.0.2"))).isEqualTo("10.0.0.3");
    }

    @Test
    void bracketedIpv6EntriesAreAccepted() {
        TrustedProxies proxies = TrustedProxies.parse("::1");
        assertThat(proxies.clientAddress(peer("::1"), List.of("[2001:db8::1]"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void refusesHostNamesAndBadPrefixes() {
        assertThatThrownBy(() -> TrustedProxies.parse("gateway")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("gateway");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesAddressesInsideBlocks() {
        TrustedProxies proxies = TrustedProxies.parse("172.28.0.0/16,fd00::/8");
        assertThat(proxies.trusts("172.28.5.6")).isTrue();
        assertThat(proxies.trusts("172.29.0.1")).isFalse();
        assertThat(proxies.trusts("fd12::5")).isTrue();
        assertThat(proxies.trusts("not-an-ip")).isFalse();
        assertThat(proxies.entries()).containsExactly("172.28.0.0/16", "fd00::/8");
    }

}
