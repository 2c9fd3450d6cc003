package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/observability, parsed: the alert rules have the shape Prometheus loads (and pass
 * {@code promtool} when it is installed), every alert and every dashboard query names
 * only metrics of the documented lists below, the auth meters the dashboard uses are the
 * ones auth registers today, and the compose add-on runs its services under the
 * {@code observability} profile with files that exist.
 */
class ObservabilityFilesTest {

    static final Path ROOT = PlatformOptions.findRepoRoot();

    static final Path DIR = ROOT.resolve("deploy/observability");

    /**
     * Exported today: Spring Boot / Micrometer defaults (http.server.requests with its
     * percentiles histogram, JVM memory), auth's bcrypt bulkhead meters, redis_exporter,
     * and Prometheus' own {@code up}.
     */
    static final Set<String> EXPORTED = Set.of("up", "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "jvm_memory_committed_bytes",
            "jvm_memory_max_bytes", "auth_bcrypt_permits_total", "auth_bcrypt_rejected_total",
            "auth_bcrypt_wait_seconds_count", "auth_bcrypt_wait_seconds_sum", "auth_bcrypt_wait_seconds_max",
            "auth_bcrypt_active", "auth_bcrypt_queued", "redis_up");

    /** To be exported by the services (issue 9, operability); listed in the README. */
    static final Set<String> TO_BE_EXPORTED = Set.of("auth_logins_total", "gateway_idempotency_requests_total",
            "gateway_token_validations_total");

    static final List<String> REQUIRED_ALERTS = List.of("HighErrorRate", "HighP99Latency", "RedisDown",
            "LoginFailureSpike", "IdempotencyRedisErrors");

    static final Set<String> PROMQL_KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    @Test
    void alertRulesHaveTheShapePrometheusLoads() {
        List<Map<String, Object>> groups = list(load("prometheus/alert-rules.yml").get("groups"), "groups");
        assertFalse(groups.isEmpty(), "no groups");
        Set<String> groupNames = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        for (Map<String, Object> group : groups) {
            assertTrue(groupNames.add(text(group.get("name"), "group name")), "duplicate group " + group.get("name"));
            List<Map<String, Object>> rules = list(group.get("rules"), "rules of " + group.get("name"));
            assertFalse(rules.isEmpty(), "group " + group.get("name") + " has no rules");
            for (Map<String, Object> rule : rules) {
                String alert = text(rule.get("alert"), "alert name");
                assertTrue(alerts.add(alert), "duplicate alert " + alert);
                text(rule.get("expr"), alert + ".expr");
                assertTrue(String.valueOf(rule.get("for")).matches("\\d+[smhd]"), alert + ".for is a duration");
                Map<String, Object> labels = map(rule.get("labels"), alert + ".labels");
                assertTrue(Set.of("page", "warn").contains(labels.get("severity")), alert + ".labels.severity");
                Map<String, Object> annotations = map(rule.get("annotations"), alert + ".annotations");
                text(annotations.get("summary"), alert + " summary");
                text(annotations.get("description"), alert + " description");
            }
        }
        assertTrue(alerts.containsAll(REQUIRED_ALERTS), "missing alerts: " + REQUIRED_ALERTS + " vs " + alerts);
    }

    @Test
    void everyAlertNamesOnlyDocumentedMetrics() {
        for (Map<String, Object> group : ObservabilityFilesTest
            .<Map<String, Object>>list(load("prometheus/alert-rules.yml").get("groups"), "groups")) {
            for (Map<String, Object> rule : ObservabilityFilesTest.<Map<String, Object>>list(group.get("rules"),
                    "rules")) {
                assertNamesDocumentedMetrics(rule.get("alert") + ".expr", (String) rule.get("expr"));
            }
        }
    }

    @Test
    void promtoolAcceptsTheScrapeConfigAndTheAlertRules() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool not installed (apt-get install prometheus)");
        Process check = new ProcessBuilder(promtool.toString(), "check", "config", "prometheus.yml")
            .directory(DIR.resolve("prometheus").toFile())
            .redirectErrorStream(true)
            .start();
        assertTrue(check.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.exitValue(), output);
        assertTrue(output.contains("rules found"), "the rules file was checked too: " + output);
    }

    @Test
    void everyDashboardQueryNamesADocumentedMetric() {
        Map<String, Object> dashboard = load("grafana/dashboards/shop-platform.json");
        assertEquals("shop-platform", dashboard.get("uid"));
        int queries = 0;
        for (Map<String, Object> panel : ObservabilityFilesTest.<Map<String, Object>>list(dashboard.get("panels"),
                "panels")) {
            if ("row".equals(panel.get("type"))) {
                continue;
            }
            String title = text(panel.get("title"), "panel title");
            assertEquals("prometheus", map(panel.get("datasource"), title + ".datasource").get("uid"), title);
            List<Map<String, Object>> targets = list(panel.get("targets"), title + ".targets");
            assertFalse(targets.isEmpty(), title + " has no query");
            for (Map<String, Object> target : targets) {
                assertNamesDocumentedMetrics(title, text(target.get("expr"), title + ".expr"));
                queries++;
            }
        }
        for (Map<String, Object> variable : ObservabilityFilesTest
            .<Map<String, Object>>list(map(dashboard.get("templating"), "templating").get("list"), "vars")) {
            String definition = text(variable.get("definition"), "variable definition");
            Matcher labelValues = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][\\w:]*)\\s*,").matcher(definition);
            assertTrue(labelValues.find(), definition);
            assertTrue(EXPORTED.contains(labelValues.group(1)), definition);
        }
        assertTrue(queries >= 10, "queries: " + queries);
    }

    @Test
    void dashboardShowsRequestsErrorsLatencyBulkheadAndJvmMemory() {
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> panel : ObservabilityFilesTest
            .<Map<String, Object>>list(load("grafana/dashboards/shop-platform.json").get("panels"), "panels")) {
            if (panel.get("targets") != null) {
                for (Map<String, Object> target : ObservabilityFilesTest.<Map<String, Object>>list(panel.get("targets"),
                        "targets")) {
                    used.addAll(metricNames((String) target.get("expr")));
                }
            }
        }
        assertTrue(used.containsAll(Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "auth_bcrypt_active", "auth_bcrypt_queued", "auth_bcrypt_rejected_total", "jvm_memory_used_bytes")),
                "used: " + used);
    }

    /** Renaming a meter in auth without updating dashboard and alerts fails here. */
    @Test
    void theAuthMetersNamedAsExportedAreTheOnesAuthRegisters() throws IOException {
        Set<String> registered = new TreeSet<>();
        try (var sources = Files.walk(ROOT.resolve("auth/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher meter = Pattern.compile("(Counter|Timer|Gauge)\\.builder\\(\"([\\w.]+)\"")
                    .matcher(Files.readString(source));
                while (meter.find()) {
                    String name = meter.group(2).replace('.', '_');
                    switch (meter.group(1)) {
                        case "Counter" -> registered.add(name + "_total");
                        case "Timer" -> registered
                            .addAll(List.of(name + "_seconds_count", name + "_seconds_sum", name + "_seconds_max"));
                        default -> registered.add(name);
                    }
                }
            }
        }
        Set<String> documented = new TreeSet<>(EXPORTED);
        documented.removeIf(name -> !name.startsWith("auth_"));
        assertFalse(documented.isEmpty());
        assertTrue(registered.containsAll(documented), "documented " + documented + ", registered " + registered);
    }

    @Test
    void readmeListsTheMetricsStillToBeExported() throws IOException {
        String readme = Files.readString(DIR.resolve("README.md"));
        for (String name : TO_BE_EXPORTED) {
            assertTrue(readme.contains(name), "README lists " + name);
        }
    }

    @Test
    void composeAddOnRunsPrometheusGrafanaAndJaegerUnderTheObservabilityProfile() {
        Map<String, Object> base = rootLoad("docker-compose.yml");
        Map<String, Object> addOn = load("docker-compose.observability.yml");
        Map<String, Object> services = map(addOn.get("services"), "services");
        for (String name : List.of("prometheus", "grafana", "jaeger", "redis-exporter")) {
            Map<String, Object> service = map(services.get(name), name);
            assertEquals(List.of("observability"), service.get("profiles"), name + ".profiles");
            assertEquals(List.of("app-network"), service.get("networks"), name + ".networks");
            text(service.get("image"), name + ".image");
            assertFalse(String.valueOf(service.get("image")).endsWith(":latest"), name + " pins its image");
            if (service.get("ports") != null) {
                for (Object port : list(service.get("ports"), name + ".ports")) {
                    assertTrue(String.valueOf(port).startsWith("127.0.0.1:"), name + " publishes on loopback: " + port);
                }
            }
            if (service.get("volumes") != null) {
                for (Object volume : list(service.get("volumes"), name + ".volumes")) {
                    String source = String.valueOf(volume).split(":")[0];
                    if (source.startsWith("./")) {
                        // compose resolves paths against the first -f file:
                        // docker-compose.yml at the root
                        assertTrue(Files.exists(ROOT.resolve(source)), name + " mounts " + source);
                    }
                }
            }
        }
        // the only change to a base service: the gateway's management port reachable on
        // app-network
        assertEquals(Set.of("gateway", "prometheus", "grafana", "jaeger", "redis-exporter"), services.keySet());
        assertEquals(Map.of("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0"),
                map(services.get("gateway"), "gateway").get("environment"));
        assertTrue(map(base.get("networks"), "networks").containsKey("app-network"));
        assertTrue(list(map(services.get("jaeger"), "jaeger").get("expose"), "jaeger.expose")
            .containsAll(List.of("4317", "4318")), "Jaeger takes OTLP over gRPC and HTTP on app-network");
    }

    @Test
    void prometheusScrapesServicesOfTheComposeNetwork() {
        Set<String> hosts = new TreeSet<>(map(rootLoad("docker-compose.yml").get("services"), "base").keySet());
        hosts.addAll(map(load("docker-compose.observability.yml").get("services"), "add-on").keySet());
        Map<String, Object> config = load("prometheus/prometheus.yml");
        assertEquals(List.of("alert-rules.yml"), config.get("rule_files"));
        Set<String> jobs = new TreeSet<>();
        for (Map<String, Object> job : ObservabilityFilesTest.<Map<String, Object>>list(config.get("scrape_configs"),
                "scrape_configs")) {
            jobs.add(text(job.get("job_name"), "job_name"));
            for (Map<String, Object> statics : ObservabilityFilesTest
                .<Map<String, Object>>list(job.get("static_configs"), "static_configs")) {
                for (Object target : list(statics.get("targets"), "targets")) {
                    String host = String.valueOf(target).split(":")[0];
                    assertTrue(hosts.contains(host), job.get("job_name") + " scrapes " + target + ", not a service");
                }
            }
        }
        assertTrue(jobs.containsAll(Set.of("gateway", "redis")), "jobs: " + jobs);
    }

    @Test
    void metricNamesIgnoresFunctionsLabelsRangesAndKeywords() {
        assertEquals(Set.of("a_total", "b_seconds_bucket"),
                metricNames("sum by (job, le) (rate(a_total{status=~\"5..\", job=\"x\"}[5m] offset 1h)) "
                        + "/ on (job) group_left histogram_quantile(0.99, rate(b_seconds_bucket[$__rate_interval])) "
                        + "> 1e3 and bool 0.5"));
        assertEquals(Set.of("up"), metricNames("up == 0"));
    }

    static void assertNamesDocumentedMetrics(String where, String expr) {
        Set<String> names = metricNames(expr);
        assertFalse(names.isEmpty(), where + " names no metric: " + expr);
        for (String name : names) {
            assertTrue(EXPORTED.contains(name) || TO_BE_EXPORTED.contains(name),
                    where + " uses " + name + ", which is neither exported nor listed as to be exported");
        }
    }

    /**
     * The metric names a PromQL expression selects (not functions, labels or keywords).
     */
    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
            .replaceAll("\\boffset\\s+\\w+", " ")
            .replaceAll("\\$\\w+", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.])([a-zA-Z_:][\\w:]*)(\\s*\\()?").matcher(stripped);
        while (identifier.find()) {
            if (identifier.group(2) == null && !PROMQL_KEYWORDS.contains(identifier.group(1).toLowerCase())) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }

    static Map<String, Object> load(String relative) {
        return read(DIR.resolve(relative));
    }

    static Map<String, Object> rootLoad(String relative) {
        return read(ROOT.resolve(relative));
    }

    /** YAML, and JSON (a subset of YAML that SnakeYAML reads). */
    static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> loaded = new Yaml().load(reader);
            assertNotNull(loaded, file + " is empty");
            return loaded;
        }
        catch (IOException ex) {
            throw new IllegalStateException(file.toString(), ex);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object value, String what) {
        assertTrue(value instanceof List, what + " is a list");
        return new ArrayList<>((List<T>) value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        assertTrue(value instanceof Map, what + " is a map");
        return (Map<String, Object>) value;
    }

    static String text(Object value, String what) {
        assertTrue(value instanceof String s && !s.isBlank(), what + " is a non-empty string");
        return (String) value;
    }

}
