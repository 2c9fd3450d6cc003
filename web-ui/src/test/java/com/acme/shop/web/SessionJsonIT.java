package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.acme.shop.web.session.Gadget;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions are stored as JSON, never Java-serialized, and a stored value naming a class
 * outside the allow-list is refused: the session is dropped and the request is anonymous,
 * nothing is instantiated.
 */
class SessionJsonIT extends WebUiIT {

    private static final byte[] JAVA_SERIALIZATION_MAGIC = { (byte) 0xac, (byte) 0xed };

    @Autowired
    ReactiveRedisConnectionFactory connectionFactory;

    @Test
    void theSessionHashHoldsJsonOnlyThroughLoginPagesRefreshAndLogout() {
        Browser browser = loggedIn(StubUpstreams.ADMIN_EMAIL);
        assertThat(browser.get("/").getResponseBody()).contains("Welcome, Ada Admin");
        assertThat(browser.get("/members").getStatus().value()).isEqualTo(200);
        stubs.expireAllAccessTokens();
        assertThat(browser.get("/profile").getStatus().value()).isEqualTo(200);
        assertThat(stubs.refreshCalls.get()).isEqualTo(1);

        Map<String, byte[]> hash = rawSession(browser.sessionId());

        assertThat(hash).containsKeys("creationTime", "lastAccessedTime", "maxInactiveInterval",
                "sessionAttr:SPRING_SECURITY_CONTEXT", "sessionAttr:shop.tokens");
        hash.forEach((field, value) -> {
            assertThat(indexOf(value, JAVA_SERIALIZATION_MAGIC)).as(field).isEqualTo(-1);
            assertThat(JsonMapper.shared().readTree(value)).as(field).isNotNull();
        });
        assertThat(new String(hash.get("sessionAttr:SPRING_SECURITY_CONTEXT"), StandardCharsets.UTF_8))
            .contains("LoginAuthentication")
            .contains(StubUpstreams.ADMIN_EMAIL)
            .doesNotContain("access_token");

        EntityExchangeResult<String> logout = browser.post("/logout", browser.csrfForm());
        assertThat(logout.getStatus().value()).isEqualTo(302);
        assertThat(rawSession(browser.sessionId() == null ? "none" : browser.sessionId())).isEmpty();
    }

    @Test
    void aStoredValueNamingAClassOutsideTheAllowListGivesAnAnonymousRequestNotAnObjectOrA500() {
        Browser browser = loggedIn(StubUpstreams.USER_EMAIL);
        String sessionId = browser.sessionId();
        String key = "shop:web:session:sessions:" + sessionId;
        bytes().opsForHash()
            .put(key, "sessionAttr:SPRING_SECURITY_CONTEXT",
                    "{\"@class\":\"com.acme.shop.web.session.Gadget\",\"command\":\"touch /tmp/pwned\"}"
                        .getBytes(StandardCharsets.UTF_8))
            .block();

        EntityExchangeResult<String> page = browser.get("/profile");

        assertThat(page.getStatus().value()).isEqualTo(302);
        assertThat(page.getResponseHeaders().getLocation()).hasToString("/login");
        assertThat(System.getProperty(Gadget.TRACE)).isNull();
        assertThat(sessionExists(sessionId)).isFalse();
        assertThat(browser.sessionId()).isNotEqualTo(sessionId);
    }

    @Test
    void aCorruptSessionFieldOnAnHtmxOrApiRequestIsAlsoJustNoSession() {
        Browser browser = loggedIn(StubUpstreams.ADMIN_EMAIL);
        String key = "shop:web:session:sessions:" + browser.sessionId();
        bytes().opsForHash()
            .put(key, "creationTime", "[\"java.net.URL\",\"http://example.com\"]".getBytes(StandardCharsets.UTF_8))
            .block();

        EntityExchangeResult<String> fragment = browser.get("/members?q=a", Map.of("HX-Request", "true"));
        Browser again = loggedIn(StubUpstreams.ADMIN_EMAIL);
        bytes().opsForHash()
            .put("shop:web:session:sessions:" + again.sessionId(), "sessionAttr:shop.tokens",
                    "{\"@class\":\"java.util.HashMap\"}".getBytes(StandardCharsets.UTF_8))
            .block();
        EntityExchangeResult<String> api = again.get("/api/home", Map.of("Accept", "application/json"));

        assertThat(fragment.getStatus().value()).isEqualTo(401);
        assertThat(fragment.getResponseHeaders().getFirst("HX-Redirect")).isEqualTo("/login");
        assertThat(api.getStatus().value()).isEqualTo(401);
        assertThat(api.getResponseHeaders().getContentType()).hasToString("application/problem+json");
    }

    private Map<String, byte[]> rawSession(String sessionId) {
        return bytes().<String, byte[]>opsForHash()
            .entries("shop:web:session:sessions:" + sessionId)
            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
            .block();
    }

    private ReactiveRedisTemplate<String, byte[]> bytes() {
        return new ReactiveRedisTemplate<>(connectionFactory,
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.byteArray())
                    .key(RedisSerializer.string())
                    .hashKey(RedisSerializer.string())
                    .hashValue(RedisSerializer.byteArray())
                    .build());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
