package com.acme.shop.launcher;

import com.acme.shop.infra.PostgresConnection;
import com.acme.shop.infra.RedisConnection;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ServiceEnvironmentTest {

    private static final PostgresConnection PG = new PostgresConnection("localhost", 5432, "postgres", "postgres",
            "postgres");

    private static final RedisConnection REDIS = new RedisConnection("127.0.0.1", 6379, null, 0);

    private static PlatformOptions options(Map<String, String> env) {
        return new PlatformOptions(Path.of("/repo"), Path.of("/repo/.data"), PlatformOptions.ALL_SERVICES, false, env,
                false);
    }

    @Test
    void givesEveryServiceItsPortTheOthersUrlsAndTheEmbeddedServers() {
        Map<String, String> env = ServiceEnvironment.build("auth", options(Map.of()), Ports.fixed(), PG, false, REDIS,
                false);
        assertEquals("4000", env.get("SERVER_PORT"));
        assertEquals("http://localhost:4000", env.get("AUTH_SERVER_URL"));
        assertEquals("http://localhost:5000", env.get("MEMBER_SERVER_URL"));
        assertEquals("http://localhost:3001", env.get("BFF_SERVER_URL"));
        assertEquals("http://localhost:8000", env.get("GATEWAY_URL"));
        assertEquals("http://localhost:5100", env.get("PRODUCT_SERVER_URL"));
        assertEquals("http://localhost:5200", env.get("ORDER_SERVER_URL"));
        assertEquals("http://localhost:5300", env.get("PAYMENT_SERVER_URL"));
        assertEquals("postgresql://postgres:postgres@localhost:5432/postgres", env.get("DATABASE_URL"));
        assertEquals("127.0.0.1", env.get("REDIS_URL"));
        assertEquals("6379", env.get("REDIS_PORT"));
        assertEquals("0", env.get("REDIS_DB"));
        assertEquals(Path.of("/repo/.data/keys").toString(), env.get("JWT_KEY_DIR"));
        assertEquals("admin@shop.local", env.get("ADMIN_EMAIL"));
        assertEquals("admin-password-local", env.get("ADMIN_PASSWORD"));
        assertNull(env.get("SEED_DEMO_DATA"));
        assertEquals("4001", env.get("MANAGEMENT_SERVER_PORT"));
    }

    @Test
    void givesEveryServiceItsManagementPort() {
        Map<String, String> expected = Map.of("auth", "4001", "member", "5001", "bff", "3002", "gateway", "8001",
                "web-ui", "3003", "product", "5101", "order", "5201", "payment", "5301");
        Map<String, String> caller = Map.of("MANAGEMENT_SERVER_PORT", "9999");
        expected.forEach((service, port) -> assertEquals(port,
                ServiceEnvironment.build(service, options(caller), Ports.fixed(), PG, false, REDIS, false)
                    .get("MANAGEMENT_SERVER_PORT"),
                service));
        Ports random = Ports.random();
        for (String service : PlatformOptions.ALL_SERVICES) {
            assertEquals(Integer.toString(random.managementPort(service)),
                    ServiceEnvironment.build(service, options(Map.of()), random, PG, false, REDIS, false)
                        .get("MANAGEMENT_SERVER_PORT"));
            assertEquals("http://127.0.0.1:" + random.managementPort(service) + "/actuator/health",
                    random.healthUri(service).toString());
        }
    }

    @Test
    void seedsDemoDataInMemberAndProductAndGivesGatewayItsAdminPort() {
        for (String seeded : List.of("member", "product")) {
            assertEquals("true",
                    ServiceEnvironment.build(seeded, options(Map.of()), Ports.fixed(), PG, false, REDIS, false)
                        .get("SEED_DEMO_DATA"),
                    seeded);
        }
        assertNull(ServiceEnvironment.build("order", options(Map.of()), Ports.fixed(), PG, false, REDIS, false)
            .get("SEED_DEMO_DATA"));
        Map<String, String> gateway = ServiceEnvironment.build("gateway", options(Map.of()), Ports.fixed(), PG, false,
                REDIS, false);
        assertEquals("8000", gateway.get("SERVER_PORT"));
        assertEquals("8001", gateway.get("MANAGEMENT_SERVER_PORT"));
    }

    @Test
    void authTrustsForwardedForFromLoopbackOnlyAndTheEdgeServicesTrustNobody() {
        Map<String, String> caller = Map.of("TRUSTED_PROXIES", "0.0.0.0/0");
        assertEquals("127.0.0.1/32,::1/128",
                ServiceEnvironment.build("auth", options(caller), Ports.fixed(), PG, false, REDIS, false)
                    .get("TRUSTED_PROXIES"));
        for (String edge : List.of("gateway", "web-ui", "member", "bff")) {
            assertEquals("", ServiceEnvironment.build(edge, options(caller), Ports.fixed(), PG, false, REDIS, false)
                .get("TRUSTED_PROXIES"), edge);
        }
    }

    @Test
    void externalServersAndOverridesFromTheEnvironmentPassUnchanged() {
        Map<String, String> given = Map.of("DATABASE_URL", "postgresql://u:p@db:5432/shop", "REDIS_URL",
                "redis://:pw@cache:6380/1", "ADMIN_PASSWORD", "a-much-longer-password", "SEED_DEMO_DATA", "false",
                "JWT_KEY_DIR", "/keys");
        PlatformOptions options = options(given);
        Map<String, String> env = ServiceEnvironment.build("member", options, Ports.fixed(),
                PostgresConnection.parse(given.get("DATABASE_URL")), true, RedisConnection.fromEnv(given), true);
        assertEquals("postgresql://u:p@db:5432/shop", env.get("DATABASE_URL"));
        assertEquals("redis://:pw@cache:6380/1", env.get("REDIS_URL"));
        assertFalse(env.containsKey("REDIS_PORT"));
        assertEquals("a-much-longer-password", env.get("ADMIN_PASSWORD"));
        assertEquals("false", env.get("SEED_DEMO_DATA"));
        assertEquals("/keys", env.get("JWT_KEY_DIR"));
        assertFalse(ServiceEnvironment.adminPasswordIsDefault(options));
    }

    @Test
    void defaultAdminPasswordMeetsTheMinimumLength() {
        assertEquals(true, ServiceEnvironment.DEFAULT_ADMIN_PASSWORD.codePointCount(0,
                ServiceEnvironment.DEFAULT_ADMIN_PASSWORD.length()) >= 15);
    }

    @Test
    void randomPortsAreDistinct() {
        Ports ports = Ports.random();
        List<Integer> all = new java.util.ArrayList<>();
        for (String service : PlatformOptions.ALL_SERVICES) {
            all.add(ports.port(service));
            all.add(ports.managementPort(service));
        }
        assertEquals(2 * PlatformOptions.ALL_SERVICES.size(), all.stream().distinct().count());
    }

}
