package com.acme.shop.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Platform#start(PlatformOptions)} runs and how. Immutable; the {@code with…}
 * methods return copies.
 *
 * @param repoRoot the repository root; service jars are
 * {@code <repoRoot>/<module>/target/<module>-0.1.0-SNAPSHOT.jar}
 * @param dataDir embedded PostgreSQL ({@code postgres/}), Redis ({@code redis/}), JWT
 * keys ({@code keys/}), logs ({@code logs/})
 * @param services the services to run (module names), a subset of {@link #ALL_SERVICES}
 * @param randomPorts free ports for every service and the embedded servers, instead of
 * the fixed ones (tests)
 * @param env environment passed to every service; {@code DATABASE_URL} /
 * {@code REDIS_URL} here mean "use these servers, start no embedded one"
 * @param streamLogs print every service's log lines, prefixed with its name
 * @param inheritEnvironment whether service processes also inherit this JVM's whole
 * environment ({@code ./run.sh}: yes); when false they get only
 * {@link ServiceProcess#SYSTEM_VARIABLES} from it plus what {@link #env()} and the
 * launcher give them, so a test controls their complete environment
 */
public record PlatformOptions(Path repoRoot, Path dataDir, List<String> services, boolean randomPorts,
        Map<String, String> env, boolean streamLogs, boolean inheritEnvironment) {

    /**
     * JVM options with which threads a service starts with {@link Thread#MIN_PRIORITY}
     * (auth's bcrypt threads) run at Linux nice 19, and no thread gets a higher priority
     * than the default (as root, {@code ThreadPriorityPolicy=1} alone would raise the
     * JIT, GC and VM threads to nice -4 / -5). A login storm then takes only the CPU the
     * event loops leave (issue 10, P4). Lowering a thread's priority needs no privilege;
     * as a non-root user the JVM prints a warning that raising would be ignored. Part of
     * the launcher's default JVM options; the benchmark's production options and the
     * container image ({@code DockerfileTest} checks it) set the same.
     */
    public static final List<String> LOW_PRIORITY_THREAD_OPTIONS = List.of("-XX:ThreadPriorityPolicy=1",
            "-XX:JavaPriority1_To_OSPriority=19", "-XX:JavaPriority6_To_OSPriority=0",
            "-XX:JavaPriority7_To_OSPriority=0", "-XX:JavaPriority8_To_OSPriority=0",
            "-XX:JavaPriority9_To_OSPriority=0", "-XX:JavaPriority10_To_OSPriority=0");

    /** Every service, in start order. */
    public static final List<String> ALL_SERVICES = List.of("auth", "member", "bff", "gateway", "web-ui", "product",
            "order", "payment");

    public PlatformOptions {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(dataDir, "dataDir");
        services = List.copyOf(services);
        for (String service : services) {
            if (!ALL_SERVICES.contains(service)) {
                throw new IllegalArgumentException("unknown service '" + service + "'; known: " + ALL_SERVICES);
            }
        }
        env = Map.copyOf(env);
    }

    /**
     * Inherits the caller's environment (as before {@code inheritEnvironment} existed).
     */
    public PlatformOptions(Path repoRoot, Path dataDir, List<String> services, boolean randomPorts,
            Map<String, String> env, boolean streamLogs) {
        this(repoRoot, dataDir, services, randomPorts, env, streamLogs, true);
    }

    /**
     * repoRoot = the nearest directory upwards from the working directory that holds
     * {@code mvnw} (or the system property {@code shop.repo.root}); dataDir =
     * {@code repoRoot/.data}; all eight services; fixed ports; env =
     * {@code System.getenv()}; logs streamed.
     */
    public static PlatformOptions defaults() {
        Path root = findRepoRoot();
        return new PlatformOptions(root, root.resolve(".data"), ALL_SERVICES, false, System.getenv(), true, true);
    }

    /**
     * For tests: like {@link #defaults()}, but nothing of the caller's environment
     * reaches the services (no {@code ADMIN_EMAIL}, {@code SPRING_PROFILES_ACTIVE},
     * {@code DATABASE_URL}, {@code REDIS_URL}, {@code SERVICE_JAVA_OPTS}, ... exported in
     * the shell): env starts empty (so embedded PostgreSQL and Redis are started) and the
     * processes inherit only {@link ServiceProcess#SYSTEM_VARIABLES}. Add what a test
     * needs with {@link #withEnv}.
     */
    public static PlatformOptions isolated() {
        return defaults().withEnvironment(Map.of()).withInheritedEnvironment(false);
    }

    /** Runs only these services, e.g. {@code "auth", "member"}. */
    public PlatformOptions withServices(String... names) {
        return new PlatformOptions(repoRoot, dataDir, Arrays.asList(names), randomPorts, env, streamLogs,
                inheritEnvironment);
    }

    /** Free ports for every service and the embedded servers (tests). */
    public PlatformOptions withRandomPorts() {
        return new PlatformOptions(repoRoot, dataDir, services, true, env, streamLogs, inheritEnvironment);
    }

    public PlatformOptions withDataDir(Path dir) {
        return new PlatformOptions(repoRoot, dir, services, randomPorts, env, streamLogs, inheritEnvironment);
    }

    public PlatformOptions withRepoRoot(Path dir) {
        return new PlatformOptions(dir, dataDir, services, randomPorts, env, streamLogs, inheritEnvironment);
    }

    /** Adds (or replaces) one variable passed to every service. */
    public PlatformOptions withEnv(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(key, value);
        return new PlatformOptions(repoRoot, dataDir, services, randomPorts, copy, streamLogs, inheritEnvironment);
    }

    /** Replaces every variable passed to the services. */
    public PlatformOptions withEnvironment(Map<String, String> variables) {
        return new PlatformOptions(repoRoot, dataDir, services, randomPorts, variables, streamLogs, inheritEnvironment);
    }

    /**
     * Whether service processes inherit this JVM's whole environment (see
     * {@link #isolated()}).
     */
    public PlatformOptions withInheritedEnvironment(boolean inherit) {
        return new PlatformOptions(repoRoot, dataDir, services, randomPorts, env, streamLogs, inherit);
    }

    public PlatformOptions withLogs(boolean stream) {
        return new PlatformOptions(repoRoot, dataDir, services, randomPorts, env, stream, inheritEnvironment);
    }

    /** Non-blank value of a variable in {@link #env()}, or {@code null}. */
    String envValue(String key) {
        String value = env.get(key);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * How long each service may take to become healthy: {@code STARTUP_TIMEOUT_SECONDS}
     * from {@link #env()} (a positive whole number of seconds), else the default. A busy
     * machine (two cores, a build running) can need minutes.
     */
    Duration healthTimeout(Duration defaultTimeout) {
        String value = envValue("STARTUP_TIMEOUT_SECONDS");
        if (value == null) {
            return defaultTimeout;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException(
                "STARTUP_TIMEOUT_SECONDS must be a positive whole number of seconds, not '" + value + "'");
    }

    static Path findRepoRoot() {
        String configured = System.getProperty("shop.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("launcher"))) {
                return dir;
            }
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return start;
    }
}
