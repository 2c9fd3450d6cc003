package com.acme.shop.auth.registration;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The member service ({@code MEMBER_SERVER_URL}) and the timeout of one internal call.
 */
@ConfigurationProperties("shop.auth.member")
record MemberProperties(URI url, Duration timeout) {

    MemberProperties {
        url = url == null ? URI.create("http://localhost:5000") : url;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
