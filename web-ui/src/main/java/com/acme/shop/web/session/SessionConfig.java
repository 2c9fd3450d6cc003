package com.acme.shop.web.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.acme.shop.web.WebUiProperties;

/** Session cookie; the Redis-backed session store itself comes from Spring Boot's auto-configuration. */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

    @Bean
    SessionCookieResolver webSessionIdResolver(WebUiProperties properties) {
        return new SessionCookieResolver(properties.cookieName(), properties.cookieSecure());
    }
}
