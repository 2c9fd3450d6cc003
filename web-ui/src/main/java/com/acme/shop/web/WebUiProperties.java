package com.acme.shop.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web tier, bound to {@code shop.web} (see application.yml for the env
 * variables).
 *
 * @param authServerUrl auth service, called directly for login, refresh, logout, register
 * and password change
 * @param gatewayUrl API gateway, every other call goes through it
 * @param cookieName session cookie name ({@code SID}, {@code __Host-SID} in prod)
 * @param cookieSecure whether the session cookie carries {@code Secure}
 * @param absoluteTimeout session lifetime from creation regardless of activity (C4)
 * @param refreshSkew refresh the access token when it expires within this window
 * @param refreshLockTtl lifetime of the cross-instance refresh lock in Redis; unset =
 * {@code upstreamTimeout} + {@code refreshLockMargin}. It must outlive the refresh call
 * it guards (the session read, the call to auth and the session write), so it must exceed
 * {@code upstreamTimeout}
 * @param refreshLockMargin what the derived lock lifetime adds to {@code upstreamTimeout}
 * (Redis round trips)
 * @param refreshWait how long a request waits for another one's refresh
 * @param upstreamTimeout response timeout for calls to auth and the gateway
 */
@ConfigurationProperties("shop.web")
public record WebUiProperties(@DefaultValue("http://localhost:4000") URI authServerUrl,
        @DefaultValue("http://localhost:8000") URI gatewayUrl, @DefaultValue("SID") String cookieName,
        @DefaultValue("false") boolean cookieSecure, @DefaultValue("12h") Duration absoluteTimeout,
        @DefaultValue("30s") Duration refreshSkew, Duration refreshLockTtl,
        @DefaultValue("5s") Duration refreshLockMargin, @DefaultValue("5s") Duration refreshWait,
        @DefaultValue("10s") Duration upstreamTimeout) {

    public WebUiProperties {
        if (refreshLockMargin.isNegative() || refreshLockMargin.isZero()) {
            throw new IllegalArgumentException(
                    "shop.web.refresh-lock-margin must be positive, was " + refreshLockMargin);
        }
        if (refreshLockTtl == null) {
            refreshLockTtl = upstreamTimeout.plus(refreshLockMargin);
        }
        else if (refreshLockTtl.compareTo(upstreamTimeout) <= 0) {
            throw new IllegalArgumentException("shop.web.refresh-lock-ttl (" + refreshLockTtl + ") must be longer than "
                    + "shop.web.upstream-timeout (" + upstreamTimeout
                    + "): the lock must outlive the refresh call it guards, "
                    + "or a second replica presents the same refresh token and trips reuse detection (B11)");
        }
    }
}
