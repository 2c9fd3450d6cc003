package com.acme.shop.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web tier, bound to {@code shop.web} (see application.yml for the env variables).
 *
 * @param authServerUrl    auth service, called directly for login, refresh, logout, register and password change
 * @param gatewayUrl       API gateway, every other call goes through it
 * @param cookieName       session cookie name ({@code SID}, {@code __Host-SID} in prod)
 * @param cookieSecure     whether the session cookie carries {@code Secure}
 * @param absoluteTimeout  session lifetime from creation regardless of activity (C4)
 * @param refreshSkew      refresh the access token when it expires within this window
 * @param refreshLockTtl   lifetime of the cross-instance refresh lock in Redis
 * @param refreshWait      how long a request waits for another one's refresh
 * @param upstreamTimeout  response timeout for calls to auth and the gateway
 */
@ConfigurationProperties("shop.web")
public record WebUiProperties(
        @DefaultValue("http://localhost:4000") URI authServerUrl,
        @DefaultValue("http://localhost:8000") URI gatewayUrl,
        @DefaultValue("SID") String cookieName,
        @DefaultValue("false") boolean cookieSecure,
        @DefaultValue("12h") Duration absoluteTimeout,
        @DefaultValue("30s") Duration refreshSkew,
        @DefaultValue("10s") Duration refreshLockTtl,
        @DefaultValue("5s") Duration refreshWait,
        @DefaultValue("10s") Duration upstreamTimeout) {
}
