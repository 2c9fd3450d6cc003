package com.acme.shop.web.session;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

/**
 * The session cookie (C1): {@code <name>=<id>; Path=/; [Secure;] HttpOnly; SameSite=Lax},
 * no Domain, no Max-Age/Expires; Secure is configured explicitly, never derived from the
 * request. Expiring writes exactly {@code <name>=; Max-Age=0; Path=/; [Secure;] HttpOnly}
 * (C6).
 */
public final class SessionCookieResolver extends CookieWebSessionIdResolver {

    private final String cookieName;

    private final boolean secure;

    public SessionCookieResolver(String cookieName, boolean secure) {
        this.cookieName = cookieName;
        this.secure = secure;
        setCookieName(cookieName);
    }

    /**
     * Writes the header itself rather than through the response's cookie map: Netty's
     * encoder spells the attribute {@code HTTPOnly}, the rules spell it {@code HttpOnly}.
     */
    @Override
    public void setSessionId(ServerWebExchange exchange, String id) {
        writeCookie(exchange, sessionCookie(id));
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        writeCookie(exchange, expiredCookie());
    }

    private void writeCookie(ServerWebExchange exchange, String value) {
        exchange.getResponse().getCookies().remove(cookieName);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        List<String> others = new ArrayList<>();
        List<String> existing = headers.get(HttpHeaders.SET_COOKIE);
        if (existing != null) {
            existing.stream().filter(cookie -> !cookie.startsWith(cookieName + "=")).forEach(others::add);
        }
        others.add(value);
        headers.remove(HttpHeaders.SET_COOKIE);
        headers.addAll(HttpHeaders.SET_COOKIE, others);
    }

    String sessionCookie(String id) {
        return cookieName + "=" + id + "; Path=/" + (secure ? "; Secure" : "") + "; HttpOnly; SameSite=Lax";
    }

    String expiredCookie() {
        return cookieName + "=; Max-Age=0; Path=/" + (secure ? "; Secure" : "") + "; HttpOnly";
    }

}
