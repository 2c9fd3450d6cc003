package com.acme.shop.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/profile", "/members?q=a&page=2", "/members/7b0a4a0e-8f9e-4b8c-9d63-1c2b3a4d5e6f",
            "/a/b#top" })
    void acceptsLocalPaths(String next) {
        assertThat(SafeRedirects.targetOrHome(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = { "//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example",
            "http:/evil.example", "javascript:alert(1)", "evil.example", "/%2F%2Fevil.example", "/%5Cevil.example",
            "/%2f%5cevil", "/\u0000x", "/\tevil", "/\r\nSet-Cookie:x=y", "/%0d%0aLocation:%20https://evil", "",
            " /profile", "/members?q=a b", "/%zz" })
    void rejectsEverythingElse(String next) {
        assertThat(SafeRedirects.localPath(next)).isEmpty();
        assertThat(SafeRedirects.targetOrHome(next)).isEqualTo("/");
    }

    @Test
    void missingNextMeansHome() {
        assertThat(SafeRedirects.targetOrHome(null)).isEqualTo("/");
    }

}
