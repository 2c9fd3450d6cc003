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
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The compose files, parsed (there is no Docker engine here): Redis requires a password
 * that every service gets, production refuses to start without it, auth trusts
 * X-Forwarded-For only from the gateway's and web-ui's fixed addresses, and no service's
 * management (actuator) port is published. Variables are resolved the way compose
 * interpolates them ({@code ${X:-default}}, {@code ${X:?message}}, {@code $$}). Also:
 * only web-ui and the gateway are published, every service has a health check on its
 * actuator and starts after what it calls is healthy, every environment name is a setting
 * of its module, every compose variable is in the top-level .env.example, and the
 * production override puts a TLS terminator in front (the only published service) so that
 * the Secure {@code __Host-} cookie works.
 */
class ComposeFilesTest {

    static final List<String> REDIS_CLIENTS = List.of("auth", "member", "bff", "gateway", "web-ui", "product", "order",
            "payment");

    /** Each service's actuator port (its application.yml default). */
    static final Map<String, String> MANAGEMENT_PORTS = Map.of("auth", "4001", "member", "5001", "bff", "3002",
            "gateway", "8001", "web-ui", "3003", "product", "5101", "order", "5201", "payment", "5301");

    static final Path ROOT = PlatformOptions.findRepoRoot();

    /** Compose's {@code !reset} tag (an override removes the base file's value). */
    static final Object RESET = new Object() {
        @Override
        public String toString() {
            return "!reset";
        }
    };

    /** Names every Spring Boot application understands without a module setting. */
    static final Set<String> SPRING_BOOT_NAMES = Set.of("SPRING_PROFILES_ACTIVE");

    /** Where the image's health probe is (see the Dockerfile). */
    static final String PROBE_CLASSPATH = "/opt/healthcheck";

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

    /**
     * Every service's actuator has its own port, reachable on app-network (Prometheus)
     * and never published; {@code MANAGEMENT_ADDRESS=127.0.0.1} keeps them all inside
     * their containers.
     */
    @Test
    void managementPortsListenOnAppNetworkAndAreNeverPublished() {
        Map<String, Object> base = base();
        Map<?, ?> services = (Map<?, ?>) base.get("services");
        for (Object name : services.keySet()) {
            for (String port : strings(((Map<?, ?>) services.get(name)).get("ports"))) {
                for (String management : MANAGEMENT_PORTS.values()) {
                    assertFalse(port.contains(management), name + " publishes a management port: " + port);
                }
            }
        }
        assertEquals(List.of("8000:8000"), strings(service(base, "gateway").get("ports")));
        MANAGEMENT_PORTS.forEach((name, port) -> {
            Map<String, String> env = env(service(base, name));
            assertEquals(port, env.get("MANAGEMENT_SERVER_PORT"), name);
            assertEquals("0.0.0.0", interpolate(env.get("MANAGEMENT_SERVER_ADDRESS"), Map.of()), name);
            assertEquals("127.0.0.1",
                    interpolate(env.get("MANAGEMENT_SERVER_ADDRESS"), Map.of("MANAGEMENT_ADDRESS", "127.0.0.1")), name);
        });
    }

    /**
     * Tracing: every service gets the sampling probability and an OTLP endpoint that is
     * empty (no export) unless set.
     */
    @Test
    void everyServiceTracesAndExportsOnlyWhenAnEndpointIsSet() {
        Map<String, Object> base = base();
        for (String name : REDIS_CLIENTS) {
            Map<String, String> env = env(service(base, name));
            assertEquals("", interpolate(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), Map.of()), name);
            assertEquals("http://jaeger:4318/v1/traces", interpolate(env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"),
                    Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://jaeger:4318/v1/traces")), name);
            assertEquals("0.1", interpolate(env.get("TRACING_SAMPLING_PROBABILITY"), Map.of()), name);
        }
    }

    @Test
    void onlyWebUiAndTheGatewayArePublished() {
        Map<String, Object> base = base();
        Map<String, List<String>> published = new LinkedHashMap<>();
        Map<?, ?> services = (Map<?, ?>) base.get("services");
        for (Object name : services.keySet()) {
            List<String> ports = strings(((Map<?, ?>) services.get(name)).get("ports"));
            if (!ports.isEmpty()) {
                published.put(String.valueOf(name), ports);
            }
        }
        assertEquals(Map.of("web-ui", List.of("3000:3000"), "gateway", List.of("8000:8000")), published);
    }

    @Test
    void everyServiceHasAHealthCheckOnItsOwnActuatorHealthEndpoint() {
        Map<String, Object> base = base();
        for (String name : REDIS_CLIENTS) {
            Map<String, String> env = env(service(base, name));
            Map<?, ?> healthcheck = (Map<?, ?>) service(base, name).get("healthcheck");
            assertNotNull(healthcheck, name + " has no health check");
            List<String> test = strings(healthcheck.get("test"));
            assertEquals("CMD", test.get(0), name + ": exec form (no shell in the probe)");
            assertEquals("java", test.get(1), name);
            int cp = test.indexOf("-cp");
            assertTrue(cp > 0, name + " " + test);
            assertEquals(PROBE_CLASSPATH, test.get(cp + 1), name);
            assertEquals("HealthCheck", test.get(cp + 2), name);
            URI url = URI.create(test.get(cp + 3));
            String port = env.get("MANAGEMENT_SERVER_PORT");
            assertEquals(MANAGEMENT_PORTS.get(name), port, name);
            assertEquals("127.0.0.1", url.getHost(), name);
            assertEquals(port, String.valueOf(url.getPort()), name + ": the port its actuator listens on");
            assertEquals("/actuator/health", url.getPath(), name);
        }
    }

    @Test
    void everyServiceStartsOnlyWhenWhatItCallsIsHealthy() {
        Map<String, Object> base = base();
        Map<?, ?> services = (Map<?, ?>) base.get("services");
        Set<String> names = new LinkedHashSet<>();
        services.keySet().forEach(n -> names.add(String.valueOf(n)));
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, Object> service = service(base, name);
            Set<String> healthy = new LinkedHashSet<>();
            if (service.get("depends_on") instanceof Map<?, ?> depends) {
                depends.forEach((dependency, condition) -> {
                    assertEquals("service_healthy", ((Map<?, ?>) condition).get("condition"),
                            name + " -> " + dependency);
                    assertNotNull(service(base, String.valueOf(dependency)).get("healthcheck"),
                            dependency + " is waited for but has no health check");
                    healthy.add(String.valueOf(dependency));
                });
            }
            else {
                assertTrue(service.get("depends_on") == null, name + ": depends_on with conditions, not a list");
            }
            dependsOn.put(name, healthy);
        }
        for (String name : names) {
            Set<String> calls = new LinkedHashSet<>();
            env(service(base, name)).forEach((key, value) -> {
                String resolved = interpolate(value, Map.of());
                for (String other : names) {
                    if (!other.equals(name) && (resolved.equals(other) || resolved.contains("//" + other + ":")
                            || resolved.contains("@" + other + ":"))) {
                        calls.add(other);
                    }
                }
            });
            // auth and member call each other (registration; token verification): a cycle
            // cannot be
            // waited for, so they start together (like the launcher's first group) and
            // call lazily
            if (name.equals("auth")) {
                calls.remove("member");
            }
            if (name.equals("member")) {
                calls.remove("auth");
            }
            assertTrue(dependsOn.get(name).containsAll(calls),
                    name + " calls " + calls + " but waits only for " + dependsOn.get(name));
        }
        for (String name : names) {
            assertFalse(reaches(dependsOn, name, name, new HashSet<>()), "a depends_on cycle through " + name);
        }
        assertEquals(Set.of("postgres", "redis"), dependsOn.get("auth"));
        assertEquals(Set.of("redis", "auth", "member", "bff", "product", "order"), dependsOn.get("gateway"));
        assertEquals(Set.of("postgres", "redis", "auth", "product", "payment"), dependsOn.get("order"));
        assertEquals(Set.of("redis", "auth", "gateway"), dependsOn.get("web-ui"));
    }

    @Test
    void everyEnvironmentNameIsASettingOfItsModule() {
        Map<String, Object> base = base();
        Map<String, Object> prod = load("docker-compose.prod.yml");
        for (String name : REDIS_CLIENTS) {
            Set<String> settings = envExampleNames(ROOT.resolve(name).resolve(".env.example"));
            for (String key : effectiveEnv(base, prod, name).keySet()) {
                assertTrue(settings.contains(key) || SPRING_BOOT_NAMES.contains(key),
                        name + " gets " + key + ", which " + name + "/.env.example does not know");
            }
        }
    }

    @Test
    void everyModuleWithAnIdempotencyStoreGetsTheSameTtl() {
        Map<String, Object> base = base();
        for (String name : REDIS_CLIENTS) {
            if (envExampleNames(ROOT.resolve(name).resolve(".env.example")).contains("IDEMPOTENCY_TTL")) {
                String ttl = env(service(base, name)).get("IDEMPOTENCY_TTL");
                assertNotNull(ttl, name + " keeps idempotent responses but gets no IDEMPOTENCY_TTL");
                assertEquals("3600", interpolate(ttl, Map.of("IDEMPOTENCY_TTL", "3600")), name);
            }
        }
        assertNotNull(env(service(base, "member")).get("IDEMPOTENCY_TTL"));
    }

    @Test
    void everyComposeVariableIsInTheTopLevelEnvExample() {
        Set<String> documented = envExampleNames(ROOT.resolve(".env.example"));
        Set<String> used = new LinkedHashSet<>();
        for (String file : List.of("docker-compose.yml", "docker-compose.prod.yml")) {
            collectVariables(load(file), used);
        }
        assertTrue(used.containsAll(List.of("POSTGRES_PASSWORD", "REDIS_PASSWORD", "JWT_SIGNING_KEY",
                "JWT_SIGNING_KEY_ID", "ADMIN_EMAIL", "ADMIN_PASSWORD", "SEED_DEMO_DATA")), used.toString());
        Set<String> missing = new LinkedHashSet<>(used);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "compose variables missing from .env.example");
    }

    @Test
    void theProductionFileSaysItIsAnOverrideOfTheBaseFile() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.prod.yml"));
        assertTrue(text.lines().limit(5).anyMatch(l -> l.contains("-f docker-compose.yml -f docker-compose.prod.yml")),
                "the header says how to run it");
        assertTrue(text.lines().limit(5).anyMatch(l -> l.toLowerCase().contains("override")));
        Map<String, Object> base = base();
        Map<?, ?> prodServices = (Map<?, ?>) load("docker-compose.prod.yml").get("services");
        for (Object name : prodServices.keySet()) {
            Map<?, ?> service = (Map<?, ?>) prodServices.get(name);
            boolean inBase = ((Map<?, ?>) base.get("services")).containsKey(name);
            assertTrue(inBase || service.containsKey("image") || service.containsKey("build"),
                    name + " is neither in the base file nor whole");
        }
    }

    @Test
    void inProductionOnlyTheTlsTerminatorIsPublishedAndItFrontsWebUiAndTheGateway() throws IOException {
        Map<String, Object> base = base();
        Map<String, Object> prod = load("docker-compose.prod.yml");
        Map<String, Object> proxy = service(prod, "tls-proxy");
        Set<String> names = new LinkedHashSet<>();
        ((Map<?, ?>) base.get("services")).keySet().forEach(n -> names.add(String.valueOf(n)));
        ((Map<?, ?>) prod.get("services")).keySet().forEach(n -> names.add(String.valueOf(n)));
        Map<String, List<String>> published = new LinkedHashMap<>();
        for (String name : names) {
            List<String> ports = effectivePorts(base, prod, name);
            if (!ports.isEmpty()) {
                published.put(name, ports);
            }
        }
        assertEquals(Map.of("tls-proxy", List.of("80:80", "443:443")), published);

        // the proxy's config is in the repository, mounted, and sends each site to the
        // right port
        String mount = strings(proxy.get("volumes")).stream()
            .filter(v -> v.endsWith(":/etc/caddy/Caddyfile:ro"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Caddyfile mounted: " + proxy.get("volumes")));
        String caddyfile = Files.readString(ROOT.resolve(mount.substring(0, mount.indexOf(':'))));
        assertTrue(caddyfile.contains("reverse_proxy web-ui:" + env(service(base, "web-ui")).get("SERVER_PORT")),
                caddyfile);
        assertTrue(caddyfile.contains("reverse_proxy gateway:" + env(service(base, "gateway")).get("SERVER_PORT")),
                caddyfile);
        Map<String, String> proxyEnv = env(proxy);
        for (String site : List.of("SITE_ADDRESS", "API_SITE_ADDRESS")) {
            assertTrue(caddyfile.contains("{$" + site + "}"), site);
            IllegalStateException missing = assertThrows(IllegalStateException.class,
                    () -> interpolate(proxyEnv.get(site), Map.of()), site);
            assertTrue(missing.getMessage().contains("set " + site), missing.getMessage());
        }

        // the Secure __Host- cookie, and the proxy is the one client address web-ui and
        // the gateway believe
        Map<String, String> webUi = effectiveEnv(base, prod, "web-ui");
        assertTrue(webUi.get("SESSION_COOKIE_NAME").startsWith("__Host-"));
        assertEquals("true", webUi.get("SESSION_COOKIE_SECURE"));
        String address = (String) ((Map<?, ?>) ((Map<?, ?>) proxy.get("networks")).get("app-network"))
            .get("ipv4_address");
        Map<?, ?> ipam = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) base.get("networks")).get("app-network")).get("ipam");
        assertTrue(inSubnet(address, (String) ((Map<?, ?>) ((List<?>) ipam.get("config")).get(0)).get("subnet")));
        for (String edge : List.of("gateway", "web-ui")) {
            assertEquals(address + "/32", interpolate(effectiveEnv(base, prod, edge).get("TRUSTED_PROXIES"), Map.of()),
                    edge);
            Map<?, ?> networks = (Map<?, ?>) service(base, edge).get("networks");
            assertFalse(address.equals(((Map<?, ?>) networks.get("app-network")).get("ipv4_address")), edge);
        }
        Map<?, ?> depends = (Map<?, ?>) proxy.get("depends_on");
        assertEquals(Set.of("web-ui", "gateway"), depends.keySet());
    }

    @Test
    void productionRefusesToStartWithoutItsSecrets() {
        Map<String, Object> base = base();
        Map<String, Object> prod = load("docker-compose.prod.yml");
        Map<String, String> auth = effectiveEnv(base, prod, "auth");
        for (String secret : List.of("JWT_SIGNING_KEY", "JWT_SIGNING_KEY_ID", "PASSWORD_PEPPER", "ADMIN_EMAIL",
                "ADMIN_PASSWORD")) {
            assertThrows(IllegalStateException.class, () -> interpolate(auth.get(secret), Map.of()), secret);
        }
        assertThrows(IllegalStateException.class,
                () -> interpolate(effectiveEnv(base, prod, "postgres").get("POSTGRES_PASSWORD"), Map.of()));
        assertEquals("false", effectiveEnv(base, prod, "member").get("SEED_DEMO_DATA"));
        assertEquals("false", effectiveEnv(base, prod, "product").get("SEED_DEMO_DATA"));
        for (String service : List.of("auth", "order")) {
            assertThrows(IllegalStateException.class,
                    () -> interpolate(effectiveEnv(base, prod, service).get("ORDER_SERVICE_SECRET"), Map.of()),
                    service);
        }
        assertThrows(IllegalStateException.class,
                () -> interpolate(effectiveEnv(base, prod, "payment").get("PAYMENT_FINGERPRINT_KEY"), Map.of()));
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

    /**
     * The names an .env.example file sets or shows commented out ({@code NAME=} or
     * {@code # NAME=}).
     */
    static Set<String> envExampleNames(Path file) {
        Set<String> names = new LinkedHashSet<>();
        Pattern line = Pattern.compile("^#?\\s*([A-Z_][A-Z0-9_]*)=");
        try {
            for (String l : Files.readAllLines(file)) {
                Matcher m = line.matcher(l);
                if (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return names;
    }

    /** Every {@code ${NAME...}} in the parsed file's values. */
    private static void collectVariables(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectVariables(v, into));
        }
        else if (node instanceof List<?> list) {
            list.forEach(v -> collectVariables(v, into));
        }
        else if (node instanceof String text) {
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                if (m.group(1) != null) {
                    into.add(m.group(1));
                }
            }
        }
    }

    /**
     * {@code -f base -f override}: ports are appended, unless the override says
     * {@code !reset}.
     */
    private static List<String> effectivePorts(Map<String, Object> base, Map<String, Object> override, String name) {
        List<String> ports = new ArrayList<>();
        if (((Map<?, ?>) base.get("services")).get(name) instanceof Map<?, ?> service) {
            ports.addAll(strings(service.get("ports")));
        }
        if (((Map<?, ?>) override.get("services")).get(name) instanceof Map<?, ?> service) {
            Object overridden = service.get("ports");
            if (overridden == RESET) {
                ports.clear();
            }
            else {
                ports.addAll(strings(overridden));
            }
        }
        return ports;
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> seen) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(graph, next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    /** Compose's own YAML tags, as far as our files use them. */
    private static final class ComposeConstructor extends SafeConstructor {

        ComposeConstructor() {
            super(new LoaderOptions());
            this.yamlConstructors.put(new Tag("!reset"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return RESET;
                }
            });
        }

    }

    static Map<String, Object> base() {
        return load("docker-compose.yml");
    }

    static Map<String, Object> load(String file) {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return new Yaml(new ComposeConstructor()).load(reader);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + ROOT.resolve(file), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(Map<String, Object> compose, String name) {
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
        assertNotNull(service, "service " + name);
        return service;
    }

    /** A service's environment (mapping form), values as strings. */
    static Map<String, String> env(Map<String, Object> service) {
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

    static List<String> strings(Object value) {
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
