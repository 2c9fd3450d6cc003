package com.acme.shop.common.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.acme.shop.urls.DatabaseUrl;
import com.acme.shop.urls.RedisUrl;

/**
 * Maps the platform's environment variables, as parsed by {@link DatabaseUrl} and
 * {@link RedisUrl} (the one parser, shared with local-infra), onto Spring Boot
 * properties:
 * <ul>
 * <li>{@code DATABASE_URL} ({@code postgresql://user:password@host:port/db}) →
 * {@code spring.r2dbc.url/username/password} and
 * {@code spring.flyway.url/user/password};</li>
 * <li>{@code REDIS_URL} (a host, {@code host:port}, or
 * {@code redis[s]://[[user]:password@]host[:port][/db]}), {@code REDIS_PORT},
 * {@code REDIS_PASSWORD}, {@code REDIS_DB} →
 * {@code spring.data.redis.host/port/password/database}.</li>
 * </ul>
 * The mapped values rank just below the system environment: they override defaults in
 * {@code application.yml}, while explicit {@code spring.*} properties (command line,
 * system properties, {@code SPRING_*} variables, test properties) win.
 */
public class ExternalServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE_NAME = "shopExternalServices";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = map(environment::getProperty);
        if (properties.isEmpty()) {
            return;
        }
        MutablePropertySources sources = environment.getPropertySources();
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
        sources.remove(PROPERTY_SOURCE_NAME);
        if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        }
        else {
            sources.addLast(source);
        }
    }

    /**
     * The Spring properties for the given variables (a lookup such as
     * {@code System::getenv}).
     */
    static Map<String, Object> map(Function<String, String> env) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String databaseUrl = env.apply(DatabaseUrl.NAME);
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            mapDatabase(DatabaseUrl.parse(databaseUrl), properties);
        }
        mapRedis(RedisUrl.fromEnv(env), properties);
        return properties;
    }

    private static void mapDatabase(DatabaseUrl url, Map<String, Object> properties) {
        String location = url.host() + ":" + url.port() + "/" + url.database() + url.querySuffix();
        properties.put("spring.r2dbc.url", "r2dbc:postgresql://" + location);
        properties.put("spring.flyway.url", "jdbc:postgresql://" + location);
        putIfPresent(properties, url.user(), "spring.r2dbc.username", "spring.flyway.user");
        putIfPresent(properties, url.password(), "spring.r2dbc.password", "spring.flyway.password");
    }

    private static void mapRedis(RedisUrl url, Map<String, Object> properties) {
        putIfPresent(properties, url.host(), "spring.data.redis.host");
        putIfPresent(properties, url.port(), "spring.data.redis.port");
        putIfPresent(properties, url.username(), "spring.data.redis.username");
        putIfPresent(properties, url.password(), "spring.data.redis.password");
        putIfPresent(properties, url.database(), "spring.data.redis.database");
        if (url.ssl()) {
            properties.put("spring.data.redis.ssl.enabled", "true");
        }
    }

    private static void putIfPresent(Map<String, Object> properties, Object value, String... names) {
        if (value != null) {
            for (String name : names) {
                properties.put(name, value.toString());
            }
        }
    }

}
