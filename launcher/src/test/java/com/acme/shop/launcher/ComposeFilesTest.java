package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose files, parsed (there is no Docker engine here): Redis requires a password
 * that every service gets, production refuses to start without it, auth trusts
 * X-Forwarded-For only from the gateway's and web-ui's fixed addresses, and the gateway's
 * admin port is neither published nor bound beyond loopback by default. Variables are
 * resolved the way compose interpolates them ({@code ${X:-default}},
 * {@code ${X:?message}}, {@code $$}).
 */
class ComposeFilesTest {

    static final List<String> REDIS_CLIENTS = List.of("auth", "member", "bff", "gateway", "web-ui");

    static final Path ROOT = PlatformOptions.findRepoRoot();

    @Test
    void redisStartsWithARequiredPassword() {
        Map<String, Object> redis = service(base(), "redis");
        List<String> command = strings(redis.get("command"));
        assertEquals("redis-server", command.get(0), "the image's entrypoint drops root only for redis-server");
        int flag = command.indexOf("--requirepass");
        assertTrue(flag > 0, "--requirepass in " + command);
        String password = interpolate(command.get(flag + 1), Map.of());
        assertFalse(password.isBlank(), "the local default password");
        assertEquals(password, interpolate(env(redis).get("REDIS_PASSWORD"), Map.of()), "the health check's password");
        assertEquals("s3cret", interpolate(command.get(flag + 1), Map.of("REDIS_PASSWORD", "s3cret")));
        String healthcheck = String.join(" ", strings(((Map<?, ?>) redis.get("healthcheck")).get("test")));
        assertTrue(healthcheck.contains("REDISCLI_AUTH"), "the health check must authenticate: " + healthcheck);
    }

    @Test
    void everyServiceThatUsesRedisGetsItsPassword() {
        Map<String, Object> base = base();
        for (Map<String, String> variables : List.of(Map.<String, String>of(), Map.of("REDIS_PASSWORD", "s3cret"))) {
            String expected = interpolate(env(service(base, "redis")).get("REDIS_PASSWORD"), variables);
            for (String name : REDIS_CLIENTS) {
                Map<String, String> env = env(service(base, name));
                assertEquals("redis", env.get("REDIS_URL"), name);
                assertEquals(expected, interpolate(env.get("REDIS_PASSWORD"), variables), name);
            }
        }
    }

    @Test
    void productionRefusesToStartWithoutARedisPasswordAndSaysWhy() {
        Map<String, Object> base = base();
        Map<String, Object> prod = load("docker-compose.prod.yml");
        for (String name : concat("redis", REDIS_CLIENTS)) {
            String value = effectiveEnv(base, prod, name).get("REDIS_PASSWORD");
            assertNotNull(value, name);
            IllegalStateException missing = assertThrows(IllegalStateException.class,
                    () -> interpolate(value, Map.of()), name);
            assertTrue(missing.getMessage().contains("set REDIS_PASSWORD"), missing.getMessage());
            assertEquals("s3cret", interpolate(value, Map.of("REDIS_PASSWORD", "s3cret")), name);
        }
    }

    @Test
    void authTrustsForwardedForOnlyFromTheGatewayAndWebUiOnTheFixedNetwork() {
        Map<String, Object> base = base();
        Map<?, ?> network = (Map<?, ?>) ((Map<?, ?>) base.get("networks")).get("app-network");
        Map<?, ?> ipam = (Map<?, ?>) network.get("ipam");
        String subnet = (String) ((Map<?, ?>) ((List<?>) ipam.get("config")).get(0)).get("subnet");

        Set<String> edges = new LinkedHashSet<>();
        for (String edge : List.of("gateway", "web-ui")) {
            Map<?, ?> networks = (Map<?, ?>) service(base, edge).get("networks");
            String address = (String) ((Map<?, ?>) networks.get("app-network")).get("ipv4_address");
            assertTrue(inSubnet(address, subnet), edge + " " + address + " outside " + subnet);
            edges.add(address + "/32");
            assertEquals("", interpolate(env(service(base, edge)).get("TRUSTED_PROXIES"), Map.of()),
                    edge + " is the edge: it trusts no forwarded header by default");
        }
        String trusted = interpolate(env(service(base, "auth")).get("TRUSTED_PROXIES"), Map.of());
        assertEquals(edges, new LinkedHashSet<>(List.of(trusted.split("\\s*,\\s*"))));
    }

    @Test
    void theGatewaysAdminPortIsNotPublishedAndListensOnLoopbackByDefault() {
        Map<String, Object> base = base();
        Map<?, ?> services = (Map<?, ?>) base.get("services");
        for (Object name : services.keySet()) {
            for (String port : strings(((Map<?, ?>) services.get(name)).get("ports"))) {
                assertFalse(port.contains("8001"), name + " publishes the admin port: " + port);
            }
        }
        assertEquals(List.of("8000:8000"), strings(service(base, "gateway").get("ports")));
        Map<String, String> gateway = env(service(base, "gateway"));
        assertEquals("8001", gateway.get("MANAGEMENT_SERVER_PORT"));
        assertEquals("127.0.0.1", interpolate(gateway.get("MANAGEMENT_SERVER_ADDRESS"), Map.of()));
    }

    // --- compose semantics, as far as these tests need them
    // -----------------------------------------------------

    private static final Pattern VARIABLE = Pattern
        .compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    /**
     * Compose's interpolation: {@code $$}, {@code ${X}}, {@code ${X:-d}}, {@code ${X-d}},
     * {@code ${X:?m}}, {@code ${X?m}}.
     */
    static String interpolate(String value, Map<String, String> variables) {
        if (value == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            }
            else {
                String name = m.group(1);
                String operator = m.group(2);
                String argument = m.group(3);
                String current = variables.get(name);
                boolean unset = operator != null && operator.startsWith(":") ? current == null || current.isEmpty()
                        : current == null;
                if (operator == null) {
                    replacement = current == null ? "" : current;
                }
                else if (operator.endsWith("-")) {
                    replacement = unset ? argument : current;
                }
                else if (unset) {
                    throw new IllegalStateException("required variable " + name + " is missing a value: " + argument);
                }
                else {
                    replacement = current;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> base() {
        return load("docker-compose.yml");
    }

    private static Map<String, Object> load(String file) {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return new Yaml().load(reader);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + ROOT.resolve(file), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        assertNotNull(service, "service " + name);
        return service;
    }

    /** A service's environment (mapping form), values as strings. */
    private static Map<String, String> env(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        }
        return env;
    }

    /**
     * {@code -f base -f override}: the override's environment entries replace the base's.
     */
    private static Map<String, String> effectiveEnv(Map<String, Object> base, Map<String, Object> override,
            String name) {
        Map<String, String> env = env(service(base, name));
        Map<?, ?> services = (Map<?, ?>) override.get("services");
        if (services.get(name) instanceof Map<?, ?>) {
            env.putAll(env(service(override, name)));
        }
        return env;
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        }
        else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static boolean inSubnet(String address, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

}
