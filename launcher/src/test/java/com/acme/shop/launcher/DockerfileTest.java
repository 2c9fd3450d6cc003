package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.ToolProvider;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfile, read as text (there is no Docker engine here to build it): one build
 * stage shared by all services with a Maven cache mount, nothing hidden by
 * {@code || true}, Boot's layered jar, a non-root user that owns every directory a
 * service writes, a health check, container-sized JVM flags; the build context leaves
 * .env files out. The health probe itself is compiled and run against a real HTTP server.
 */
class DockerfileTest {

    static final Path ROOT = ComposeFilesTest.ROOT;

    /** One stage: its FROM line and its instructions (continuation lines joined). */
    record Stage(String from, String name, List<String> instructions) {

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.startsWith(keyword + " ")).toList();
        }

        String text() {
            return String.join("\n", instructions);
        }

    }

    @Test
    void noFailureIsHidden() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertFalse(dockerfile.contains("|| true"), "a failed step must fail the build");
        assertFalse(dockerfile.contains("|| :"), "a failed step must fail the build");
    }

    @Test
    void oneBuildStageCompilesEveryServiceOnceWithACachedMavenRepository() {
        List<Stage> stages = stages();
        List<Stage> builds = stages.stream().filter(s -> s.text().contains("mvnw")).toList();
        assertEquals(1, builds.size(), "one Maven build for all modules");
        Stage build = builds.get(0);
        assertFalse(build.text().contains("MODULE"),
                "the build stage must not depend on MODULE, or each service image rebuilds everything");
        String run = build.all("RUN").stream().filter(r -> r.contains("mvnw")).findFirst().orElseThrow();
        assertTrue(run.startsWith("RUN --mount=type=cache,target=/root/.m2"), run);
        Matcher pl = Pattern.compile("-pl\\s+(\\S+)").matcher(run);
        assertTrue(pl.find(), run);
        Set<String> built = new LinkedHashSet<>(List.of(pl.group(1).split(",")));
        assertEquals(composeModules(), built, "the modules docker-compose.yml builds images of");
    }

    @Test
    void theImageRunsBootsLayeredJarFromItsLayers() {
        List<Stage> stages = stages();
        String all = String.join("\n", stages.stream().map(Stage::text).toList());
        assertTrue(all.contains("java -Djarmode=tools -jar app.jar extract --layers --launcher"), all);
        Stage runtime = stages.get(stages.size() - 1);
        List<String> copied = runtime.all("COPY");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertTrue(copied.stream().anyMatch(c -> c.contains("/" + layer + "/ ")), layer + " layer: " + copied);
        }
        // dependencies first (rarely change), application last (changes on every commit)
        int dependencies = indexOf(runtime, "/dependencies/ ");
        int application = indexOf(runtime, "/application/ ");
        assertTrue(dependencies < application);
        String entrypoint = runtime.all("ENTRYPOINT").get(0);
        assertTrue(entrypoint.contains("org.springframework.boot.loader.launch.JarLauncher"), entrypoint);
    }

    @Test
    void theServiceRunsAsItsOwnUserWhoOwnsEveryDirectoryAServiceWrites() {
        Stage runtime = stages().get(stages().size() - 1);
        List<String> users = runtime.all("USER");
        assertEquals(1, users.size());
        String uid = users.get(0).substring("USER ".length()).trim();
        assertFalse(uid.equals("0") || uid.equals("root"), uid);
        assertTrue(runtime.text().contains("useradd --system --uid " + uid), "the user exists: " + uid);
        assertTrue(indexOf(runtime, "USER ") > indexOf(runtime, "install -d"),
                "the directories are made while still root");

        Map<String, String> owned = ownedDirectories(runtime);
        Map<String, Object> base = ComposeFilesTest.base();
        Map<?, ?> services = (Map<?, ?>) base.get("services");
        List<String> writes = new ArrayList<>();
        for (Object name : services.keySet()) {
            Map<String, Object> service = ComposeFilesTest.service(base, String.valueOf(name));
            if (service.get("build") == null) {
                continue;
            }
            // every volume it mounts, and every directory setting it gets
            for (String volume : ComposeFilesTest.strings(service.get("volumes"))) {
                String[] parts = volume.split(":");
                writes.add(name + " " + parts[1]);
            }
            ComposeFilesTest.env(service).forEach((key, value) -> {
                if (key.endsWith("_DIR")) {
                    writes.add(name + " " + ComposeFilesTest.interpolate(value, Map.of()));
                }
            });
        }
        assertTrue(writes.contains("auth /keys"), writes.toString());
        for (String write : writes) {
            String path = write.substring(write.indexOf(' ') + 1);
            assertTrue(path.startsWith("/"), write + ": an absolute path in the image");
            assertEquals(uid + ":" + uid, owned.get(path), write + " is not created owned by " + uid + " in the image");
        }
    }

    @Test
    void theImageHasAHealthCheckAndContainerSizedJvmFlags() {
        Stage runtime = stages().get(stages().size() - 1);
        List<String> healthchecks = runtime.all("HEALTHCHECK");
        assertEquals(1, healthchecks.size());
        assertTrue(healthchecks.get(0).contains("\"" + ComposeFilesTest.PROBE_CLASSPATH + "\", \"HealthCheck\""),
                healthchecks.get(0));
        // the probe finds the module's management port without any setting
        assertTrue(runtime.all("ENV").contains("ENV SHOP_MODULE=${MODULE}"), runtime.all("ENV").toString());
        assertTrue(runtime.all("COPY").stream().anyMatch(c -> c.endsWith(" " + ComposeFilesTest.PROBE_CLASSPATH + "/")),
                "the probe is copied to where compose's health checks run it");
        assertTrue(String.join("\n", stages().stream().map(Stage::text).toList())
            .contains("javac --release 17 -d /out/healthcheck docker/HealthCheck.java"));
        String env = runtime.all("ENV").stream().filter(e -> e.contains("JAVA_TOOL_OPTIONS")).findFirst().orElseThrow();
        assertTrue(env.contains("-XX:MaxRAMPercentage="), env);
        assertTrue(env.contains("-XX:+ExitOnOutOfMemoryError"), env);
        assertTrue(env.contains(String.join(" ", ServiceProcess.lowPriorityThreads())), env);
    }

    @Test
    void theBuildContextLeavesEnvFilesAndBuildOutputOut() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"))
            .stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
        for (String pattern : List.of(".env", ".env.*", "**/.env", "**/.env.*", "**/target/", ".git/", ".data/")) {
            assertTrue(ignored.contains(pattern), pattern + " missing from .dockerignore");
        }
        assertFalse(ignored.contains("docker/"), "the health probe's source is needed in the build");
    }

    @Test
    void theHealthProbeSucceedsOnlyWhenTheServiceIsUp(@TempDir Path classes) throws Exception {
        assertEquals(0,
                ToolProvider.getSystemJavaCompiler()
                    .run(null, null, null, "--release", "17", "-d", classes.toString(),
                            ROOT.resolve("docker/HealthCheck.java").toString()));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, Integer> statuses = Map.of("/up", 200, "/down", 503, "/odd", 200);
        Map<String, String> bodies = Map.of("/up", "{\"status\":\"UP\"}", "/down", "{\"status\":\"DOWN\"}", "/odd",
                "{\"status\":\"OUT_OF_SERVICE\"}");
        statuses.keySet().forEach(path -> server.createContext(path, exchange -> {
            byte[] body = bodies.get(path).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(statuses.get(path), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            Map<String, Integer> exits = new LinkedHashMap<>();
            for (String url : List.of(base + "/up", base + "/down", base + "/odd",
                    "http://127.0.0.1:" + closedPort + "/actuator/health")) {
                exits.put(url, probe(classes, url));
            }
            assertEquals(List.of(0, 1, 1, 1), List.copyOf(exits.values()), exits.toString());
            // without a URL: the management port from the environment (compose,
            // Kubernetes)
            server.createContext("/actuator/health", exchange -> {
                byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            String port = Integer.toString(server.getAddress().getPort());
            assertEquals(0, probe(classes, null, Map.of("MANAGEMENT_SERVER_PORT", port, "SERVER_PORT", "1")));
            assertEquals(1, probe(classes, null,
                    Map.of("MANAGEMENT_SERVER_PORT", Integer.toString(closedPort), "SERVER_PORT", port)));
        }
        finally {
            server.stop(0);
        }
    }

    // --- reading the Dockerfile

    private static int probe(Path classes, String url) throws IOException, InterruptedException {
        return probe(classes, url, Map.of());
    }

    /** The probe with {@code url} as argument (none when null) and only {@code env}. */
    private static int probe(Path classes, String url, Map<String, String> env)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classes.toString(), "HealthCheck"));
        if (url != null) {
            command.add(url);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.contains("PORT") || name.equals("HEALTHCHECK_URL"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the probe ends");
        return process.exitValue();
    }

    private static int indexOf(Stage stage, String fragment) {
        for (int i = 0; i < stage.instructions().size(); i++) {
            if (stage.instructions().get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError(fragment + " not in " + stage.from());
    }

    /**
     * {@code install -d -o U -g G [-m M] PATH...} in the stage's RUN commands: path to
     * "U:G".
     */
    private static Map<String, String> ownedDirectories(Stage stage) {
        Map<String, String> owned = new LinkedHashMap<>();
        for (String run : stage.all("RUN")) {
            for (String command : run.substring("RUN ".length()).split("&&|;")) {
                List<String> words = List.of(command.trim().split("\\s+"));
                if (words.size() < 2 || !words.get(0).equals("install") || !words.contains("-d")) {
                    continue;
                }
                String user = null;
                String group = null;
                List<String> paths = new ArrayList<>();
                for (int i = 1; i < words.size(); i++) {
                    switch (words.get(i)) {
                        case "-d" -> {
                        }
                        case "-o" -> user = words.get(++i);
                        case "-g" -> group = words.get(++i);
                        case "-m" -> i++;
                        default -> paths.add(words.get(i));
                    }
                }
                for (String path : paths) {
                    owned.put(path, user + ":" + group);
                }
            }
        }
        return owned;
    }

    private static Set<String> composeModules() {
        Map<String, Object> base = ComposeFilesTest.base();
        Set<String> modules = new LinkedHashSet<>();
        ((Map<?, ?>) base.get("services")).forEach((name, service) -> {
            if (((Map<?, ?>) service).get("build") instanceof Map<?, ?> build) {
                Object module = ((Map<?, ?>) build.get("args")).get("MODULE");
                assertNotNull(module, name + " build arg MODULE");
                modules.add(String.valueOf(module));
            }
        });
        return modules;
    }

    static List<Stage> stages() {
        List<String> lines;
        try {
            lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString().replaceAll("\\s+", " ").trim());
            current.setLength(0);
        }
        List<Stage> stages = new ArrayList<>();
        Pattern from = Pattern.compile("^FROM (\\S+)(?: AS (\\S+))?$", Pattern.CASE_INSENSITIVE);
        for (String instruction : instructions) {
            Matcher m = from.matcher(instruction);
            if (m.matches()) {
                stages.add(new Stage(m.group(1), m.group(2), new ArrayList<>()));
            }
            else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return stages;
    }

}
