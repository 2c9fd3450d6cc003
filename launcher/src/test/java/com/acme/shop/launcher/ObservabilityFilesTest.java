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
 * only metrics of {@code exported-metrics.txt} (and only the label values listed there),
 * the auth meters listed there are the ones auth registers, Prometheus scrapes every
 * service on its management port, and the compose add-on runs its services under the
 * {@code observability} profile with files that exist and sends every service's spans to
 * Jaeger. That the services really export the listed names is checked against the running
 * platform by e2e-tests' {@code ObservabilityIT}, from the same file.
 */
class ObservabilityFilesTest {

    static final Path ROOT = PlatformOptions.findRepoRoot();

    static final Path DIR = ROOT.resolve("deploy/observability");

    /**
     * The contract with the services: metric name → label → allowed values (empty when
     * none are listed), and who exports it.
     */
    static final Path EXPORTED_METRICS = DIR.resolve("exported-metrics.txt");

    static final List<String> SERVICES = List.of("auth", "member", "product", "order", "payment", "bff", "gateway",
            "web-ui");

    /** One line of {@code exported-metrics.txt}. */
    record ExportedMetric(String name, Map<String, Set<String>> labels, Set<String> exporters) {
    }

    static Map<String, ExportedMetric> exportedMetrics() {
        Map<String, ExportedMetric> metrics = new java.util.LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(EXPORTED_METRICS)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher entry = Pattern.compile("([a-zA-Z_:][\\w:]*)(?:\\{([^}]*)})?((?:\\s+[\\w-]+)+)").matcher(line);
                assertTrue(entry.matches(), "not <name>[{label=a|b}] <exporter>...: " + line);
                Map<String, Set<String>> labels = new java.util.LinkedHashMap<>();
                if (entry.group(2) != null) {
                    for (String label : entry.group(2).split(",")) {
                        String[] parts = label.split("=", 2);
                        labels.put(parts[0].trim(), new LinkedHashSet<>(List.of(parts[1].trim().split("\\|"))));
                    }
                }
                Set<String> exporters = new LinkedHashSet<>(List.of(entry.group(3).trim().split("\\s+")));
                assertTrue(metrics.put(entry.group(1), new ExportedMetric(entry.group(1), labels, exporters)) == null,
                        "listed twice: " + entry.group(1));
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return metrics;
    }

    static final List<String> REQUIRED_ALERTS = List.of("HighErrorRate", "HighP99Latency", "RedisDown",
            "LoginFailureSpike", "IdempotencyRedisErrors");

    /** What runs beside the services and exports metrics too. */
    static final Set<String> OTHER_EXPORTERS = Set.of("prometheus", "redis-exporter");

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
            assertTrue(exportedMetrics().containsKey(labelValues.group(1)), definition);
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
        Set<String> documented = new TreeSet<>(exportedMetrics().keySet());
        documented.removeIf(name -> !name.startsWith("auth_"));
        assertFalse(documented.isEmpty());
        assertTrue(registered.containsAll(documented), "documented " + documented + ", registered " + registered);
    }

    @Test
    void theMetricListNamesKnownExportersAndTheReadmeDocumentsEveryServiceMetric() throws IOException {
        Map<String, ExportedMetric> metrics = exportedMetrics();
        assertTrue(
                metrics.keySet()
                    .containsAll(Set.of("auth_logins_total", "gateway_idempotency_requests_total",
                            "gateway_token_validations_total", "http_server_requests_seconds_bucket")),
                metrics.keySet().toString());
        String readme = Files.readString(DIR.resolve("README.md"));
        for (ExportedMetric metric : metrics.values()) {
            for (String exporter : metric.exporters()) {
                assertTrue(SERVICES.contains(exporter) || OTHER_EXPORTERS.contains(exporter),
                        metric.name() + ": unknown exporter " + exporter);
            }
            if (metric.exporters().stream().anyMatch(SERVICES::contains)) {
                String family = metric.name().replaceAll("_(count|sum|max|bucket)$", "");
                assertTrue(readme.contains(family), "README documents " + family);
            }
        }
        assertFalse(readme.toLowerCase(java.util.Locale.ROOT).contains("to be exported"), "nothing is pending");
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
        // the only change to the base services: their spans go to Jaeger, every trace
        // sampled
        Set<String> expected = new TreeSet<>(SERVICES);
        expected.addAll(List.of("prometheus", "grafana", "jaeger", "redis-exporter"));
        assertEquals(expected, new TreeSet<>(services.keySet()));
        for (String service : SERVICES) {
            Map<String, Object> overridden = map(services.get(service), service);
            assertEquals(Set.of("environment"), overridden.keySet(), service);
            Map<String, Object> env = map(overridden.get("environment"), service + ".environment");
            assertEquals("http://jaeger:4318/v1/traces", env.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"), service);
            assertEquals("${TRACING_SAMPLING_PROBABILITY:-1.0}", env.get("TRACING_SAMPLING_PROBABILITY"), service);
        }
        assertTrue(map(base.get("networks"), "networks").containsKey("app-network"));
        assertTrue(list(map(services.get("jaeger"), "jaeger").get("expose"), "jaeger.expose")
            .containsAll(List.of("4317", "4318")), "Jaeger takes OTLP over gRPC and HTTP on app-network");
    }

    /**
     * Each service's job scrapes {@code /actuator/prometheus} on the management port
     * compose gives it.
     */
    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        Map<String, Object> base = rootLoad("docker-compose.yml");
        for (Map<String, Object> job : ObservabilityFilesTest
            .<Map<String, Object>>list(load("prometheus/prometheus.yml").get("scrape_configs"), "scrape_configs")) {
            String name = text(job.get("job_name"), "job_name");
            if (!SERVICES.contains(name)) {
                continue;
            }
            assertEquals("/actuator/prometheus", job.get("metrics_path"), name);
            Map<String, Object> service = map(map(base.get("services"), "services").get(name), name);
            Object port = map(service.get("environment"), name + ".environment").get("MANAGEMENT_SERVER_PORT");
            List<Object> targets = list(
                    ObservabilityFilesTest.<Map<String, Object>>list(job.get("static_configs"), "static_configs")
                        .get(0)
                        .get("targets"),
                    "targets");
            assertEquals(List.of(name + ":" + port), targets, name);
        }
    }

    /**
     * Every service the launcher runs (and compose gives a management port) is a service
     * here: scraped on its management port, sending spans to Jaeger, and an exporter of
     * the standard metrics (which e2e-tests' ObservabilityIT scrapes from each).
     */
    @Test
    void everyServiceOfThePlatformIsCovered() {
        assertEquals(new TreeSet<>(PlatformOptions.ALL_SERVICES), new TreeSet<>(SERVICES));
        assertEquals(ComposeFilesTest.MANAGEMENT_PORTS.keySet(), new TreeSet<>(SERVICES));
        for (String standard : List.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes")) {
            assertEquals(new TreeSet<>(SERVICES), new TreeSet<>(exportedMetrics().get(standard).exporters()), standard);
        }
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
        Set<String> expectedJobs = new TreeSet<>(SERVICES);
        expectedJobs.add("redis");
        assertEquals(expectedJobs, jobs);
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
        Map<String, ExportedMetric> exported = exportedMetrics();
        Set<String> names = metricNames(expr);
        assertFalse(names.isEmpty(), where + " names no metric: " + expr);
        for (String name : names) {
            assertTrue(exported.containsKey(name),
                    where + " uses " + name + ", which exported-metrics.txt does not list");
        }
        Matcher selector = Pattern.compile("([a-zA-Z_:][\\w:]*)\\{([^}]*)}").matcher(expr);
        while (selector.find()) {
            ExportedMetric metric = exported.get(selector.group(1));
            if (metric == null) {
                continue;
            }
            Matcher matcher = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"").matcher(selector.group(2));
            while (matcher.find()) {
                Set<String> values = metric.labels().get(matcher.group(1));
                if (values != null && !matcher.group(2).startsWith("$")) {
                    assertTrue(values.contains(matcher.group(2)), where + ": " + metric.name() + "{" + matcher.group(1)
                            + "=\"" + matcher.group(2) + "\"} is not a listed value " + values);
                }
            }
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
