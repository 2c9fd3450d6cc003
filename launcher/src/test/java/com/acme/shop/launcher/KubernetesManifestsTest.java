package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders every Kustomize overlay of deploy/k8s with {@code kubectl kustomize} (offline)
 * and checks the objects: kinds, probes and resources on every container, non-root
 * read-only containers, versioned images, no secret-looking keys in ConfigMaps, HPA
 * targets that exist, ClusterIP Services, Ingress only for web-ui and gateway, every
 * service URL a module reads resolving to a Service, secrets only from shop-secrets'
 * documented keys, payment reachable only from order. Skipped when kubectl is not on
 * PATH. The deploy tree is copied to a temporary directory so that the local overlay's
 * gitignored secrets.env can be made from secrets.env.example.
 */
class KubernetesManifestsTest {

    static final Path ROOT = PlatformOptions.findRepoRoot();

    static final Set<String> SERVICES = Set.of("auth", "member", "product", "order", "payment", "bff", "gateway",
            "web-ui");

    static final Set<String> AUTOSCALED = Set.of("gateway", "web-ui", "bff", "member", "product", "order", "payment");

    /** The keys of shop-secrets each service gets, and no others. */
    static final Map<String, Set<String>> SECRETS = Map.of("auth",
            Set.of("DATABASE_URL", "REDIS_PASSWORD", "JWT_SIGNING_KEY", "JWT_SIGNING_KEY_ID", "PASSWORD_PEPPER",
                    "ADMIN_EMAIL", "ADMIN_PASSWORD", "ORDER_SERVICE_SECRET"),
            "member", Set.of("DATABASE_URL", "REDIS_PASSWORD"), "product", Set.of("DATABASE_URL", "REDIS_PASSWORD"),
            "order", Set.of("DATABASE_URL", "REDIS_PASSWORD", "ORDER_SERVICE_SECRET"), "payment",
            Set.of("DATABASE_URL", "REDIS_PASSWORD", "PAYMENT_FINGERPRINT_KEY"), "bff", Set.of("REDIS_PASSWORD"),
            "gateway", Set.of("REDIS_PASSWORD"), "web-ui", Set.of("REDIS_PASSWORD"));

    static final Pattern SECRET_LOOKING = Pattern.compile("PASSWORD|SECRET|KEY|PEPPER|TOKEN", Pattern.CASE_INSENSITIVE);

    static String kubectl;

    @TempDir
    static Path work;

    @BeforeAll
    static void copyTheDeployTree() throws IOException {
        kubectl = onPath("kubectl");
        Path source = ROOT.resolve("deploy/k8s");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = work.resolve("k8s").resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                }
                else if (!file.getFileName().toString().equals("secrets.env")) {
                    Files.copy(file, target);
                }
            }
        }
        Path local = work.resolve("k8s/overlays/local");
        Files.copy(local.resolve("secrets.env.example"), local.resolve("secrets.env"));
    }

    @Test
    void theLocalOverlayRendersCorrectObjects() throws Exception {
        List<Map<String, Object>> objects = render("overlays/local");
        assertEquals(List.of(), violations(objects));
        Map<String, Integer> kinds = kinds(objects);
        assertEquals(0, kinds.getOrDefault("Ingress", 0), "no Ingress locally: " + kinds);
        assertEquals(1, kinds.get("Secret"), "the generated shop-secrets: " + kinds);
    }

    @Test
    void theProductionOverlayRendersCorrectObjectsWithIngressOnlyForWebUiAndGateway() throws Exception {
        List<Map<String, Object>> objects = render("overlays/production");
        assertEquals(List.of(), violations(objects));
        Set<String> ingressBackends = new HashSet<>();
        for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
            for (Object rule : list(map(ingress.get("spec")).get("rules"))) {
                for (Object path : list(map(map(rule).get("http")).get("paths"))) {
                    ingressBackends.add((String) map(map(map(path).get("backend")).get("service")).get("name"));
                }
            }
            assertTrue(map(ingress.get("spec")).containsKey("tls"), "TLS ends at the ingress");
        }
        assertEquals(Set.of("web-ui", "gateway"), ingressBackends);
        assertEquals(0, kinds(objects).getOrDefault("Secret", 0), "production commits no Secret");
        Map<String, Object> webUi = configMap(objects, "web-ui-config");
        assertEquals("__Host-SID", webUi.get("SESSION_COOKIE_NAME"));
        assertEquals("true", webUi.get("SESSION_COOKIE_SECURE"));
    }

    /**
     * Every service is probed and scraped on its management port, which listens beyond
     * loopback but is in no Service.
     */
    @Test
    void everyServiceIsProbedAndScrapedOnItsManagementPortWhichIsInNoService() throws Exception {
        List<Map<String, Object>> objects = render("overlays/production");
        assertEquals("0.0.0.0", configMap(objects, "shop-config").get("MANAGEMENT_SERVER_ADDRESS"));
        assertEquals(SERVICES, ComposeFilesTest.MANAGEMENT_PORTS.keySet());
        ComposeFilesTest.MANAGEMENT_PORTS.forEach((name, port) -> {
            Map<String, Object> deployment = deployment(objects, name);
            Map<String, Object> container = container(deployment);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals("management", map(map(container.get(probe)).get("httpGet")).get("port"), name + probe);
            }
            assertTrue(
                    list(container.get("ports")).stream()
                        .anyMatch(p -> "management".equals(map(p).get("name"))
                                && Integer.valueOf(port).equals(map(p).get("containerPort"))),
                    name + " names its management port");
            assertTrue(list(container.get("env")).stream()
                .anyMatch(e -> "MANAGEMENT_SERVER_PORT".equals(map(e).get("name")) && port.equals(map(e).get("value"))),
                    name + " sets MANAGEMENT_SERVER_PORT");
            Map<String, Object> annotations = map(
                    map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("annotations"));
            assertEquals(Map.of("prometheus.io/scrape", "true", "prometheus.io/port", port, "prometheus.io/path",
                    "/actuator/prometheus"), annotations, name);
        });
        for (Map<String, Object> service : ofKind(objects, "Service")) {
            for (Object port : list(map(service.get("spec")).get("ports"))) {
                assertFalse(ComposeFilesTest.MANAGEMENT_PORTS.containsValue(String.valueOf(map(port).get("port"))),
                        "management port in " + name(service));
                assertEquals("http", map(port).get("targetPort"), name(service));
            }
        }
    }

    /**
     * Every {@code *_SERVER_URL} / {@code GATEWAY_URL} a module's application.yml reads
     * is set for its Deployment (from its ConfigMaps or env) to
     * {@code http://<service>:<port>} of a Service that has that port; the gateway gets
     * product's and order's (its routes), and only order gets payment's.
     */
    @Test
    void everyServiceUrlAModuleReadsPointsAtAServiceOfTheCluster() throws Exception {
        for (String overlay : List.of("overlays/local", "overlays/production")) {
            List<Map<String, Object>> objects = render(overlay);
            Map<String, Set<Integer>> servicePorts = new TreeMap<>();
            for (Map<String, Object> service : ofKind(objects, "Service")) {
                Set<Integer> ports = new HashSet<>();
                list(map(service.get("spec")).get("ports")).forEach(p -> ports.add((Integer) map(p).get("port")));
                servicePorts.put(name(service), ports);
            }
            for (String name : SERVICES) {
                Map<String, String> env = environment(objects, name);
                Matcher variable = Pattern.compile("\\$\\{([A-Z_]+_SERVER_URL|GATEWAY_URL)[:}]")
                    .matcher(Files.readString(ROOT.resolve(name).resolve("src/main/resources/application.yml")));
                Set<String> read = new TreeSet<>();
                while (variable.find()) {
                    read.add(variable.group(1));
                }
                for (String url : read) {
                    String value = env.get(url);
                    assertTrue(value != null, overlay + ": " + name + " reads " + url + ", which is not set");
                    Matcher target = Pattern.compile("http://([a-z-]+):(\\d+)").matcher(value);
                    assertTrue(target.matches(), overlay + ": " + name + " " + url + "=" + value);
                    assertTrue(
                            servicePorts.getOrDefault(target.group(1), Set.of())
                                .contains(Integer.valueOf(target.group(2))),
                            overlay + ": " + name + " " + url + "=" + value + " is no Service port: " + servicePorts);
                }
                if (name.equals("gateway")) {
                    assertTrue(read.containsAll(Set.of("PRODUCT_SERVER_URL", "ORDER_SERVER_URL")),
                            "the gateway routes to product and order: " + read);
                }
                if (!name.equals("order")) {
                    assertFalse(env.containsKey("PAYMENT_SERVER_URL"), overlay + ": " + name + " learns payment's URL");
                    assertFalse(env.values().stream().anyMatch(v -> v.contains("payment")),
                            overlay + ": " + name + " is pointed at payment: " + env);
                }
            }
            assertEquals("http://payment:5300", environment(objects, "order").get("PAYMENT_SERVER_URL"), overlay);
        }
    }

    /**
     * Each Deployment takes exactly the shop-secrets keys it needs, and every key any of
     * them takes is documented in secrets.env.example (which the local overlay turns into
     * the Secret, and production's Secret must have).
     */
    @Test
    void eachServiceGetsItsSecretsFromShopSecretsWhoseKeysAreDocumented() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/k8s/overlays/local/secrets.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                documented.add(line.substring(0, line.indexOf('=')));
            }
        }
        List<Map<String, Object>> objects = render("overlays/production");
        Set<String> used = new TreeSet<>();
        for (String name : SERVICES) {
            Set<String> keys = new TreeSet<>();
            for (Object each : list(container(deployment(objects, name)).get("env"))) {
                Map<String, Object> ref = map(map(map(each).get("valueFrom")).get("secretKeyRef"));
                if (!ref.isEmpty()) {
                    assertEquals("shop-secrets", ref.get("name"), name);
                    assertEquals(map(each).get("name"), ref.get("key"), name + ": the variable is named as its key");
                    keys.add((String) ref.get("key"));
                }
            }
            assertEquals(new TreeSet<>(SECRETS.get(name)), keys, name);
            used.addAll(keys);
        }
        assertEquals(documented, used, "secrets.env.example documents exactly the keys the Deployments use");
        // the local overlay's generated Secret carries every one of them
        Map<String, Object> secret = ofKind(render("overlays/local"), "Secret").get(0);
        assertEquals(documented, new TreeSet<>(map(secret.get("data")).keySet()));
    }

    /**
     * payment is internal: no Ingress and no gateway route lead to it, and its
     * NetworkPolicy admits only order's pods on the API port (the management port stays
     * open to probes and Prometheus like every service's).
     */
    @Test
    void paymentAcceptsApiTrafficOnlyFromOrder() throws Exception {
        for (String overlay : List.of("overlays/local", "overlays/production")) {
            List<Map<String, Object>> objects = render(overlay);
            List<Map<String, Object>> policies = ofKind(objects, "NetworkPolicy");
            assertEquals(Set.of("payment"), names(policies), overlay);
            Map<String, Object> spec = map(policies.get(0).get("spec"));
            assertEquals(Map.of("app.kubernetes.io/name", "payment"),
                    map(map(spec.get("podSelector")).get("matchLabels")));
            assertEquals(List.of("Ingress"), spec.get("policyTypes"));
            Map<String, Object> payment = container(deployment(objects, "payment"));
            Map<Object, Object> portNumbers = new java.util.HashMap<>();
            for (Object port : list(payment.get("ports"))) {
                portNumbers.put(map(port).get("name"), map(port).get("containerPort"));
            }
            assertEquals(Map.of("http", 5300, "management", 5301), portNumbers);
            Map<Object, Set<Object>> sourcesPerPort = new java.util.HashMap<>();
            for (Object rule : list(spec.get("ingress"))) {
                Set<Object> sources = new HashSet<>();
                List<Object> from = list(map(rule).get("from"));
                if (from.isEmpty()) {
                    sources.add("anyone");
                }
                for (Object peer : from) {
                    assertEquals(Set.of("podSelector"), map(peer).keySet(), "only pods of this namespace: " + peer);
                    sources
                        .add(map(map(map(peer).get("podSelector")).get("matchLabels")).get("app.kubernetes.io/name"));
                }
                List<Object> ports = list(map(rule).get("ports"));
                assertFalse(ports.isEmpty(), "every rule names its ports: " + rule);
                for (Object port : ports) {
                    Object number = portNumbers.getOrDefault(map(port).get("port"), map(port).get("port"));
                    sourcesPerPort.computeIfAbsent(number, k -> new HashSet<>()).addAll(sources);
                }
            }
            assertEquals(Map.of(5300, Set.of("order"), 5301, Set.of("anyone")), sourcesPerPort, overlay);
            for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
                assertFalse(String.valueOf(ingress.get("spec")).contains("payment"), name(ingress));
            }
        }
        // the gateway has no route to payment (its routes name their upstream by
        // variable)
        String gatewayConfig = Files.readString(ROOT.resolve("gateway/src/main/resources/application.yml"));
        assertTrue(gatewayConfig.contains("${ORDER_SERVER_URL"), "the check below reads the routes' variables");
        assertFalse(gatewayConfig.toUpperCase(java.util.Locale.ROOT).contains("PAYMENT"), "a gateway route to payment");
    }

    @Test
    void theShopServicesRunTheProdProfileInProductionAndSeedDemoDataOnlyLocally() throws Exception {
        List<Map<String, Object>> production = render("overlays/production");
        List<Map<String, Object>> local = render("overlays/local");
        for (String name : List.of("product", "order", "payment")) {
            assertEquals("prod", environment(production, name).get("SPRING_PROFILES_ACTIVE"), name);
            assertFalse(environment(local, name).containsKey("SPRING_PROFILES_ACTIVE"), name);
        }
        assertEquals("false", environment(production, "product").get("SEED_DEMO_DATA"));
        assertEquals("true", environment(local, "product").get("SEED_DEMO_DATA"));
    }

    /**
     * The variables a Deployment's container sees: its ConfigMaps' data (envFrom, in
     * order) and its literal env values (secret references are not included).
     */
    static Map<String, String> environment(List<Map<String, Object>> objects, String deployment) {
        Map<String, Object> container = container(deployment(objects, deployment));
        Map<String, String> env = new TreeMap<>();
        for (Object source : list(container.get("envFrom"))) {
            String configMap = (String) map(map(source).get("configMapRef")).get("name");
            Map<String, Object> found = ofKind(objects, "ConfigMap").stream()
                .filter(c -> name(c).equals(configMap))
                .findFirst()
                .orElseThrow(() -> new AssertionError(deployment + " reads a missing ConfigMap " + configMap));
            map(found.get("data")).forEach((key, value) -> env.put(key, String.valueOf(value)));
        }
        for (Object each : list(container.get("env"))) {
            if (map(each).get("value") != null) {
                env.put((String) map(each).get("name"), String.valueOf(map(each).get("value")));
            }
        }
        return env;
    }

    @Test
    void theChecksCatchALatestImageASecretInAConfigMapAndAMissingHpaTarget() throws Exception {
        Path broken = work.resolve("k8s/overlays/broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../local, hpa.yaml]
                images:
                  - { name: shop/bff, newTag: latest }
                configMapGenerator:
                  - name: leaky
                    literals: [REDIS_PASSWORD=oops]
                """, StandardCharsets.UTF_8);
        Files.writeString(broken.resolve("hpa.yaml"), """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: { name: ghost }
                spec:
                  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ghost }
                  minReplicas: 1
                  maxReplicas: 2
                """, StandardCharsets.UTF_8);
        String found = String.join("\n", violations(render("overlays/broken")));
        assertTrue(found.contains("bff: image shop/bff:latest"), found);
        assertTrue(found.contains("REDIS_PASSWORD"), found);
        assertTrue(found.contains("HPA ghost"), found);
    }

    static List<String> violations(List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> kinds = kinds(objects);
        for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget")) {
            Set<String> names = names(ofKind(objects, kind));
            if (!names.containsAll(SERVICES)) {
                problems.add(kind + "s " + names + " lack one of " + SERVICES);
            }
        }
        if (!names(ofKind(objects, "HorizontalPodAutoscaler")).containsAll(AUTOSCALED)) {
            problems.add("HPAs missing for some of " + AUTOSCALED + ": " + kinds);
        }
        Set<String> allowed = Set.of("Namespace", "ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "Ingress", "NetworkPolicy");
        kinds.keySet().stream().filter(kind -> !allowed.contains(kind)).forEach(kind -> problems.add("kind " + kind));
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            problems.addAll(deploymentProblems(deployment));
        }
        for (Map<String, Object> service : ofKind(objects, "Service")) {
            if (!"ClusterIP".equals(map(service.get("spec")).get("type"))) {
                problems.add("Service " + name(service) + " is not ClusterIP");
            }
        }
        for (Map<String, Object> configMap : ofKind(objects, "ConfigMap")) {
            for (Object key : map(configMap.get("data")).keySet()) {
                if (SECRET_LOOKING.matcher(key.toString()).find()) {
                    problems.add("ConfigMap " + name(configMap) + " holds " + key);
                }
            }
        }
        Set<String> deployments = names(ofKind(objects, "Deployment"));
        for (Map<String, Object> hpa : ofKind(objects, "HorizontalPodAutoscaler")) {
            Map<String, Object> target = map(map(hpa.get("spec")).get("scaleTargetRef"));
            if (!"Deployment".equals(target.get("kind")) || !deployments.contains(target.get("name"))) {
                problems.add("HPA " + name(hpa) + " targets a missing " + target);
            }
        }
        return problems;
    }

    static List<String> deploymentProblems(Map<String, Object> deployment) {
        List<String> problems = new ArrayList<>();
        String name = name(deployment);
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        Map<String, Object> podSecurity = map(pod.get("securityContext"));
        if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))
                || !Integer.valueOf(10001).equals(podSecurity.get("runAsUser"))) {
            problems.add(name + ": pod not runAsNonRoot as uid 10001");
        }
        for (Object each : list(pod.get("containers"))) {
            Map<String, Object> container = map(each);
            String image = (String) container.get("image");
            int slash = image.lastIndexOf('/');
            if (image.indexOf(':', slash) < 0 || image.endsWith(":latest")) {
                problems.add(name + ": image " + image + " has no version tag");
            }
            Set<Object> ports = new HashSet<>();
            for (Object port : list(container.get("ports"))) {
                ports.add(map(port).get("name"));
                ports.add(map(port).get("containerPort"));
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
                Object path = get.get("path");
                if (path == null || !path.toString().startsWith("/actuator/health")
                        || !ports.contains(get.get("port"))) {
                    problems.add(name + ": " + probe + " is not an HTTP health check on a container port: " + get);
                }
            }
            Map<String, Object> resources = map(container.get("resources"));
            for (String bound : List.of("requests", "limits")) {
                if (!map(resources.get(bound)).keySet().containsAll(Set.of("cpu", "memory"))) {
                    problems.add(name + ": resources." + bound + " lacks cpu or memory");
                }
            }
            Map<String, Object> security = map(container.get("securityContext"));
            if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))
                    || !Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                problems.add(name + ": root filesystem writable or privilege escalation allowed");
            }
            boolean tmp = list(container.get("volumeMounts")).stream()
                .anyMatch(mount -> "/tmp".equals(map(mount).get("mountPath")));
            if (!tmp) {
                problems.add(name + ": no writable /tmp");
            }
        }
        return problems;
    }

    static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        Assumptions.assumeTrue(kubectl != null,
                "kubectl is not on PATH: the Kubernetes manifests in deploy/k8s were not rendered or checked");
        Path output = Files.createTempFile(work, "rendered", ".yaml");
        Path errors = Files.createTempFile(work, "errors", ".txt");
        Process process = new ProcessBuilder(kubectl, "kustomize", work.resolve("k8s").resolve(overlay).toString())
            .redirectOutput(output.toFile())
            .redirectError(errors.toFile())
            .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + overlay + " timed out");
        assertEquals(0, process.exitValue(), "kubectl kustomize " + overlay + ": " + Files.readString(errors));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(output))) {
            if (document != null) {
                objects.add(map(document));
            }
        }
        return objects;
    }

    static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    static Map<String, Integer> kinds(List<Map<String, Object>> objects) {
        Map<String, Integer> kinds = new TreeMap<>();
        objects.forEach(object -> kinds.merge((String) object.get("kind"), 1, Integer::sum));
        return kinds;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    static Set<String> names(List<Map<String, Object>> objects) {
        Set<String> names = new HashSet<>();
        objects.forEach(object -> names.add(name(object)));
        return names;
    }

    static String name(Map<String, Object> object) {
        return (String) map(object.get("metadata")).get("name");
    }

    static Map<String, Object> deployment(List<Map<String, Object>> objects, String name) {
        return ofKind(objects, "Deployment").stream().filter(d -> name.equals(name(d))).findFirst().orElseThrow();
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        return map(list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0));
    }

    static Map<String, Object> configMap(List<Map<String, Object>> objects, String prefix) {
        return map(ofKind(objects, "ConfigMap").stream()
            .filter(c -> name(c).startsWith(prefix))
            .findFirst()
            .orElseThrow()
            .get("data"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

}
