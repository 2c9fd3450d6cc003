package com.acme.shop.launcher;

import com.acme.shop.infra.PostgresConnection;
import com.acme.shop.infra.RedisConnection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment each service process gets (pure function of the options, ports and
 * servers: unit-tested).
 */
final class ServiceEnvironment {

    static final String DEFAULT_ADMIN_EMAIL = "admin@shop.local";
    static final String DEFAULT_ADMIN_PASSWORD = "admin-password-local";

    /** The addresses the gateway and web-ui reach auth from in the local run. */
    static final String LOOPBACK_PROXIES = "127.0.0.1/32,::1/128";

    private ServiceEnvironment() {
    }

    /**
     * @param externalDatabase true when DATABASE_URL came from the options (then it is
     * passed on unchanged)
     * @param externalRedis true when REDIS_URL came from the options (then REDIS_* are
     * passed on unchanged)
     */
    static Map<String, String> build(String service, PlatformOptions options, Ports ports, PostgresConnection postgres,
            boolean externalDatabase, RedisConnection redis, boolean externalRedis) {
        Map<String, String> env = new LinkedHashMap<>(options.env());
        env.put("SERVER_PORT", Integer.toString(ports.port(service)));
        env.put("AUTH_SERVER_URL", ports.url("auth"));
        env.put("MEMBER_SERVER_URL", ports.url("member"));
        env.put("BFF_SERVER_URL", ports.url("bff"));
        env.put("GATEWAY_URL", ports.url("gateway"));
        env.put("PRODUCT_SERVER_URL", ports.url("product"));
        env.put("ORDER_SERVER_URL", ports.url("order"));
        env.put("PAYMENT_SERVER_URL", ports.url("payment"));
        if (!externalDatabase) {
            env.put("DATABASE_URL", postgres.databaseUrl());
        }
        if (!externalRedis) {
            env.put("REDIS_URL", redis.host());
            env.put("REDIS_PORT", Integer.toString(redis.port()));
            env.put("REDIS_DB", Integer.toString(redis.database()));
            if (redis.password() != null) {
                env.put("REDIS_PASSWORD", redis.password());
            }
            else {
                env.remove("REDIS_PASSWORD");
            }
        }
        env.putIfAbsent("JWT_KEY_DIR", options.dataDir().resolve("keys").toAbsolutePath().toString());
        env.put("ADMIN_EMAIL", adminEmail(options));
        env.put("ADMIN_PASSWORD", adminPassword(options));
        if ("member".equals(service) || "product".equals(service)) {
            env.putIfAbsent("SEED_DEMO_DATA", "true");
        }
        // auth believes X-Forwarded-For only from the gateway and web-ui, which call it
        // over loopback; they are the
        // edge of the local run and trust nobody (issue 7 finding 3)
        env.put("TRUSTED_PROXIES", "auth".equals(service) ? LOOPBACK_PROXIES : "");
        // every service's actuator on its own port (127.0.0.1 unless the caller sets
        // MANAGEMENT_SERVER_ADDRESS); the launcher waits for /actuator/health there
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.managementPort(service)));
        return env;
    }

    static String adminEmail(PlatformOptions options) {
        String value = options.envValue("ADMIN_EMAIL");
        return value != null ? value : DEFAULT_ADMIN_EMAIL;
    }

    static String adminPassword(PlatformOptions options) {
        String value = options.envValue("ADMIN_PASSWORD");
        return value != null ? value : DEFAULT_ADMIN_PASSWORD;
    }

    static boolean adminPasswordIsDefault(PlatformOptions options) {
        return options.envValue("ADMIN_PASSWORD") == null;
    }

}
