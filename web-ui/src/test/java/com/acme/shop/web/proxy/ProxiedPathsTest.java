package com.acme.shop.web.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxiedPathsTest {

    @ParameterizedTest
    @ValueSource(strings = { "/api/home", "/api/members", "/api/members/",
            "/api/members/7b0a4a0e-8f9e-4b8c-9d63-1c2b3a4d5e6f", "/api/authors", "/api/members/a%20b",
            "/api/members/%C3%A9" })
    void forwardsOrdinaryApiPaths(String path) {
        assertThat(ProxiedPaths.isForwardable(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/auth", "/api/auth/", "/api/auth/login", "/api/AUTH/refresh", "/api//auth/login",
            "/api/%61uth/login", "/api/%2561uth/login", "/api/auth%2Flogin", "/api%2fauth/login", "/api/./auth/login",
            "/api/x/../auth/login", "/api/%2e%2e/api/auth", "/api\\auth\\login", "/api/auth;a=b/login",
            "/api/members/%", "/api/members/%zz", "/api/members/%4" })
    void refusesAuthInAnySpellingAndAmbiguousPaths(String path) {
        assertThat(ProxiedPaths.isForwardable(path)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api", "/api/auth/login", "/API/auth", "/%61pi/auth/login", "/x/../api/auth" })
    void recognisesPathsMeantForTheProxy(String path) {
        assertThat(ProxiedPaths.targetsApi(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/login", "/members/auth", "/profile" })
    void leavesPagesAlone(String path) {
        assertThat(ProxiedPaths.targetsApi(path)).isFalse();
    }

}
