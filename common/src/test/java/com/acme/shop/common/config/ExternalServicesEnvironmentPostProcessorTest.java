package com.acme.shop.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalServicesEnvironmentPostProcessorTest {

    @Test
    void mapsDatabaseUrlToR2dbcAndFlyway() {
        Map<String, Object> p = ExternalServicesEnvironmentPostProcessor
            .map(Map.of("DATABASE_URL", "postgresql://shop:p%40ss@db:5433/shop")::get);
        assertThat(p).containsEntry("spring.r2dbc.url", "r2dbc:postgresql://db:5433/shop")
            .containsEntry("spring.r2dbc.username", "shop")
            .containsEntry("spring.r2dbc.password", "p@ss")
            .containsEntry("spring.flyway.url", "jdbc:postgresql://db:5433/shop")
            .containsEntry("spring.flyway.user", "shop")
            .containsEntry("spring.flyway.password", "p@ss");
    }

    @Test
    void mapsRedisHostAndSeparateVariables() {
        Map<String, Object> p = ExternalServicesEnvironmentPostProcessor
            .map(Map.of("REDIS_URL", "cache", "REDIS_PORT", "6380", "REDIS_PASSWORD", "pw", "REDIS_DB", "2")::get);
        assertThat(p).containsEntry("spring.data.redis.host", "cache")
            .containsEntry("spring.data.redis.port", "6380")
            .containsEntry("spring.data.redis.password", "pw")
            .containsEntry("spring.data.redis.database", "2");
    }

    @Test
    void mapsRedisUrlWithPasswordPortAndDatabase() {
        Map<String, Object> p = ExternalServicesEnvironmentPostProcessor
            .map(Map.of("REDIS_URL", "redis://:secret@r.example:7000/3")::get);
        assertThat(p).containsEntry("spring.data.redis.host", "r.example")
            .containsEntry("spring.data.redis.port", "7000")
            .containsEntry("spring.data.redis.password", "secret")
            .containsEntry("spring.data.redis.database", "3");
    }

    @Test
    void mapsNothingWhenUnset() {
        assertThat(ExternalServicesEnvironmentPostProcessor.map(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void badUrlFailsWithoutEchoingSecrets() {
        assertThatThrownBy(() -> ExternalServicesEnvironmentPostProcessor
            .map(Map.of("DATABASE_URL", "mysql://u:topsecret@h/d")::get)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageNotContaining("topsecret");
    }

    @Test
    void mappedValuesBeatApplicationDefaultsButLoseToExplicitProperties() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("DATABASE_URL", "postgresql://u:p@db:5432/shop", "REDIS_URL", "cache")));
        env.getPropertySources()
            .addLast(new MapPropertySource("application.yml", Map.of("spring.r2dbc.url",
                    "r2dbc:postgresql://localhost/default", "spring.data.redis.host", "localhost")));
        env.getPropertySources()
            .addFirst(new MapPropertySource("commandLineArgs", Map.of("spring.data.redis.host", "explicit-host")));

        new ExternalServicesEnvironmentPostProcessor().postProcessEnvironment(env, null);

        assertThat(env.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db:5432/shop");
        assertThat(env.getProperty("spring.data.redis.host")).isEqualTo("explicit-host");
    }

}
