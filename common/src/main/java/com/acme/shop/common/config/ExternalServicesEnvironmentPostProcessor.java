package com.acme.shop.common.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the platform's environment variables onto Spring Boot properties:
 * <ul>
 *   <li>{@code DATABASE_URL} ({@code postgresql://user:password@host:port/db}) → {@code spring.r2dbc.url/username/password}
 *       and {@code spring.flyway.url/user/password};</li>
 *   <li>{@code REDIS_URL} (a host, {@code host:port}, or {@code redis://[:password@]host[:port][/db]}), {@code REDIS_PORT},
 *       {@code REDIS_PASSWORD}, {@code REDIS_DB} → {@code spring.data.redis.host/port/password/database}.</li>
 * </ul>
 * The mapped values rank just below the system environment: they override defaults in {@code application.yml}, while
 * explicit {@code spring.*} properties (command line, system properties, {@code SPRING_*} variables, test properties)
 * win.
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
        } else {
            sources.addLast(source);
        }
    }

    /** The Spring properties for the given variables (a lookup such as {@code System::getenv}). */
    static Map<String, Object> map(java.util.function.Function<String, String> env) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String databaseUrl = blankToNull(env.apply("DATABASE_URL"));
        if (databaseUrl != null) {
            mapDatabase(databaseUrl, properties);
        }
        mapRedis(env, properties);
        return properties;
    }

    private static void mapDatabase(String databaseUrl, Map<String, Object> properties) {
        URI uri = parse(databaseUrl, "DATABASE_URL");
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must look like postgresql://user:password@host:port/db");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? "postgres" : decode(path.substring(1));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String hostPort = uri.getHost() + ":" + port;
        properties.put("spring.r2dbc.url", "r2dbc:postgresql://" + hostPort + "/" + database + query);
        properties.put("spring.flyway.url", "jdbc:postgresql://" + hostPort + "/" + database + query);
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            properties.put("spring.r2dbc.username", user);
            properties.put("spring.flyway.user", user);
            if (colon >= 0) {
                String password = decode(userInfo.substring(colon + 1));
                properties.put("spring.r2dbc.password", password);
                properties.put("spring.flyway.password", password);
            }
        }
    }

    private static void mapRedis(java.util.function.Function<String, String> env, Map<String, Object> properties) {
        String url = blankToNull(env.apply("REDIS_URL"));
        if (url != null) {
            if (url.contains("://")) {
                URI uri = parse(url, "REDIS_URL");
                if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("REDIS_URL must be a host or redis://[:password@]host[:port][/db]");
                }
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("REDIS_URL has no host");
                }
                properties.put("spring.data.redis.host", uri.getHost());
                if (uri.getPort() > 0) {
                    properties.put("spring.data.redis.port", Integer.toString(uri.getPort()));
                }
                String userInfo = uri.getRawUserInfo();
                if (userInfo != null && !userInfo.isEmpty()) {
                    int colon = userInfo.indexOf(':');
                    String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
                    if (colon > 0) {
                        properties.put("spring.data.redis.username", decode(userInfo.substring(0, colon)));
                    }
                    if (!password.isEmpty()) {
                        properties.put("spring.data.redis.password", password);
                    }
                }
                String path = uri.getPath();
                if (path != null && path.length() > 1) {
                    properties.put("spring.data.redis.database", number(path.substring(1), "REDIS_URL database"));
                }
                if ("rediss".equals(uri.getScheme())) {
                    properties.put("spring.data.redis.ssl.enabled", "true");
                }
            } else {
                int colon = url.lastIndexOf(':');
                if (colon > 0 && url.indexOf(':') == colon) {
                    properties.put("spring.data.redis.host", url.substring(0, colon));
                    properties.put("spring.data.redis.port", number(url.substring(colon + 1), "REDIS_URL port"));
                } else {
                    properties.put("spring.data.redis.host", url);
                }
            }
        }
        String port = blankToNull(env.apply("REDIS_PORT"));
        if (port != null) {
            properties.put("spring.data.redis.port", number(port, "REDIS_PORT"));
        }
        String password = env.apply("REDIS_PASSWORD");
        if (password != null && !password.isEmpty()) {
            properties.put("spring.data.redis.password", password);
        }
        String db = blankToNull(env.apply("REDIS_DB"));
        if (db != null) {
            properties.put("spring.data.redis.database", number(db, "REDIS_DB"));
        }
    }

    private static URI parse(String value, String name) {
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            // never echo the value: it may hold a password
            throw new IllegalArgumentException(name + " is not a valid URL");
        }
    }

    private static String number(String value, String name) {
        try {
            return Integer.toString(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
