package com.acme.shop.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** {@code shop.docs} as application.yml and the environment set it, and its checks. */
class DocsPropertiesTest {

    private static DocsProperties bind(Map<String, Object> variables) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
            .forEach(env.getPropertySources()::addLast);
        return Binder.get(env).bind("shop.docs", DocsProperties.class).get();
    }

    @Test
    void listsAuthMemberBffProductAndOrderAtTheirRouteUrlsInThatOrder() throws IOException {
        DocsProperties defaults = bind(Map.of());
        assertThat(defaults.services()).containsExactly(Map.entry("auth", URI.create("http://localhost:4000")),
                Map.entry("member", URI.create("http://localhost:5000")),
                Map.entry("bff", URI.create("http://localhost:3001")),
                Map.entry("product", URI.create("http://localhost:5100")),
                Map.entry("order", URI.create("http://localhost:5200")));
        assertThat(defaults.upstreamSpec("member")).isEqualTo(URI.create("http://localhost:5000/v3/api-docs"));
        assertThat(defaults.upstreamSpec("payment")).isNull();

        DocsProperties compose = bind(Map.of("AUTH_SERVER_URL", "http://auth:4000", "MEMBER_SERVER_URL",
                "http://member:5000", "BFF_SERVER_URL", "http://bff:3001"));
        assertThat(compose.upstreamSpec("auth")).isEqualTo(URI.create("http://auth:4000/v3/api-docs"));
        assertThat(compose.upstreamSpec("bff")).isEqualTo(URI.create("http://bff:3001/v3/api-docs"));
    }

    @Test
    void aServiceCanBeAddedFromTheEnvironment() throws IOException {
        DocsProperties docs = bind(Map.of("SHOP_DOCS_SERVICES_PRODUCT", "http://product:6000"));
        assertThat(docs.services()).containsKeys("auth", "member", "bff", "product");
        assertThat(docs.upstreamSpec("product")).isEqualTo(URI.create("http://product:6000/v3/api-docs"));
        assertThat(SwaggerUi.SwaggerConfig.of(docs).urls())
            .contains(new SwaggerUi.SpecUrl("product", "/docs/specs/product"));
    }

    @Test
    void refusesNamesThatAreNotOnePathSegment() {
        for (String name : new String[] { "../api", "a/b", "Auth", "a b", "a%2F", "", "-x" }) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> new DocsProperties(Map.of(name, URI.create("http://x:1")), "/v3/api-docs"))
                .withMessageContaining("shop.docs.services");
        }
    }

    @Test
    void refusesUrlsThatAreNotHttpWithAHost() {
        for (String url : new String[] { "file:///etc/passwd", "localhost:4000", "/v3", "ftp://x/" }) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> new DocsProperties(Map.of("auth", URI.create(url)), "/v3/api-docs"))
                .withMessageContaining("shop.docs.services.auth");
        }
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new DocsProperties(Map.of("auth", URI.create("http://x:1")), "v3/api-docs"));
    }

    @Test
    void keepsTheConfiguredOrder() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("payment", URI.create("http://p:1"));
        services.put("auth", URI.create("http://a:1"));
        assertThat(new DocsProperties(services, "/v3/api-docs").services().keySet()).containsExactly("payment", "auth");
    }

}
