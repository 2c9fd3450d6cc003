package com.acme.shop.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookieResolverTest {

    @Test
    void localCookieHasNoSecureFlag() {
        SessionCookieResolver local = new SessionCookieResolver("SID", false);

        assertThat(local.sessionCookie("abc")).isEqualTo("SID=abc; Path=/; HttpOnly; SameSite=Lax");
        assertThat(local.expiredCookie()).isEqualTo("SID=; Max-Age=0; Path=/; HttpOnly");
    }

    @Test
    void productionCookieIsHostPrefixedAndSecure() {
        SessionCookieResolver prod = new SessionCookieResolver("__Host-SID", true);

        assertThat(prod.sessionCookie("abc")).isEqualTo("__Host-SID=abc; Path=/; Secure; HttpOnly; SameSite=Lax");
        assertThat(prod.expiredCookie()).isEqualTo("__Host-SID=; Max-Age=0; Path=/; Secure; HttpOnly");
        assertThat(prod.getCookieName()).isEqualTo("__Host-SID");
    }

}
