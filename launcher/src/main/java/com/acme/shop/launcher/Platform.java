package com.acme.shop.launcher;

import com.acme.shop.infra.EmbeddedPostgresServer;
import com.acme.shop.infra.EmbeddedRedisServer;
import com.acme.shop.infra.FreePorts;
import com.acme.shop.infra.PostgresConnection;
import com.acme.shop.infra.RedisConnection;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The whole platform on one machine: PostgreSQL and Redis (embedded unless
 * {@code DATABASE_URL} / {@code REDIS_URL} are in the options' env) and every service as
 * its own child JVM from {@code <module>/target/<module>-0.1.0-SNAPSHOT.jar}, unpacked
 * into {@code <dataDir>/app/<service>/} while the infrastructure starts and run from
 * there ({@link ExtractedJar}: a quicker start). <pre>{@code
 * try (Platform platform = Platform.start(PlatformOptions.defaults().withRandomPorts().withDataDir(tmp).withLogs(false))) {
 *     URI api = platform.url("gateway");
 * }
 * }</pre> Start order: auth, member, product and payment, then order, bff and gateway,
 * then web-ui (each group in parallel), each waited for until {@code /actuator/health} on
 * its management port ({@link #managementUrl}) is UP (180 s,
 * {@code STARTUP_TIMEOUT_SECONDS} in the options' env changes it). Each service's log is
 * kept in {@code <dataDir>/logs/<service>.log} ({@link #logFile}). A service whose jar is
 * missing is skipped with a warning. {@link #close()} stops the services (SIGTERM,
 * SIGKILL after 10 s, with their descendants), then the embedded servers; a shutdown hook
 * does the same if the JVM exits first.
 */
public final class Platform implements AutoCloseable {

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final List<List<String>> START_GROUPS = List.of(List.of("auth", "member", "product", "payment"),
            List.of("order", "bff", "gateway"), List.of("web-ui"));

    /**
     * How long each service may take to answer UP (180 s);
     * {@code STARTUP_TIMEOUT_SECONDS} in the options' env, or
     * {@code -Dshop.healthTimeoutSeconds} for the test suites, raises it on a loaded
     * machine (e.g. the e2e suite on 2 shared cores).
     */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(Long.getLong("shop.healthTimeoutSeconds", 180));
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** The longest run making one service's class data archive. */
    static final Duration ARCHIVE_TIMEOUT = Duration.ofMinutes(5);

    private final PlatformOptions options;

    private final Ports ports;

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private final List<String> skipped = new ArrayList<>();

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "platform");
        t.setDaemon(true);
        return t;
    });

    private final Thread shutdownHook = new Thread(this::shutdown, "platform-shutdown");

    private EmbeddedPostgresServer embeddedPostgres;

    private EmbeddedRedisServer embeddedRedis;

    private PostgresConnection postgres;

    private RedisConnection redis;

    private volatile boolean closed;

    private Platform(PlatformOptions options) {
        this.options = options;
        this.ports = options.randomPorts() ? Ports.random() : Ports.fixed();
    }

    /**
     * Starts infrastructure and services and waits until every started service is
     * healthy.
     */
    public static Platform start(PlatformOptions options) {
        Platform platform = new Platform(options);
        Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
        try {
            platform.startAll();
            platform.makeArchivesInBackground();
        }
        catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /**
     * Base URL of a service: {@code "auth"}, {@code "member"}, {@code "gateway"},
     * {@code "bff"}, {@code "web-ui"}, {@code "product"}, {@code "order"},
     * {@code "payment"}.
     */
    public URI url(String service) {
        return ports.uri(service);
    }

    /** The gateway's management (actuator) base URL. */
    public URI gatewayAdminUrl() {
        return URI.create(ports.gatewayAdminUrl());
    }

    /**
     * A service's management (actuator) base URL, on 127.0.0.1: {@code /actuator/health},
     * {@code /actuator/prometheus}, {@code /actuator/metrics}, {@code /actuator/info}.
     */
    public URI managementUrl(String service) {
        return URI.create(ports.managementUrl(service));
    }

    /**
     * The file a service's output goes to (all its runs, appended), whether or not it is
     * also streamed.
     */
    public Path logFile(String service) {
        return options.dataDir().toAbsolutePath().resolve("logs").resolve(service + ".log");
    }

    /** Stops one service (e.g. member, for a degraded-mode test). */
    public void stop(String service) {
        process(service).stop(STOP_GRACE);
    }

    /**
     * Starts a stopped service again (same port, same env) and waits until it is healthy.
     */
    public void start(String service) {
        ServiceProcess process = process(service);
        process.start();
        process.awaitHealthy(options.healthTimeout(HEALTH_TIMEOUT));
    }

    /** True when the service was started (its jar existed) and its process is alive. */
    public boolean isRunning(String service) {
        ServiceProcess process = services.get(service);
        return process != null && process.isAlive();
    }

    /** Services skipped because their jar did not exist. */
    public List<String> skippedServices() {
        return List.copyOf(skipped);
    }

    /** The environment a service was started with (tests, diagnostics). */
    public Map<String, String> environment(String service) {
        return process(service).env();
    }

    public PostgresConnection postgres() {
        return postgres;
    }

    public RedisConnection redis() {
        return redis;
    }

    public String adminEmail() {
        return ServiceEnvironment.adminEmail(options);
    }

    public String adminPassword() {
        return ServiceEnvironment.adminPassword(options);
    }

    public PlatformOptions options() {
        return options;
    }

    /**
     * Stops the services (in reverse start order), then the embedded servers. Idempotent.
     */
    @Override
    public void close() {
        shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or ran
        }
    }

    private synchronized void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        List<List<String>> groups = new ArrayList<>(START_GROUPS);
        java.util.Collections.reverse(groups);
        for (List<String> group : groups) {
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (String name : group) {
                ServiceProcess process = services.get(name);
                if (process != null) {
                    stops.add(CompletableFuture.runAsync(() -> process.stop(STOP_GRACE), executor));
                }
            }
            stops.forEach(f -> {
                try {
                    f.join();
                }
                catch (CompletionException e) {
                    Console.warn("could not stop a service: " + e.getCause());
                }
            });
        }
        if (embeddedRedis != null) {
            quietly(embeddedRedis::close);
        }
        if (embeddedPostgres != null) {
            quietly(embeddedPostgres::close);
        }
        executor.shutdownNow();
    }

    private void startAll() {
        Path dataDir = options.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dataDir, e);
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : options.services()) {
            Path jar = jarOf(service);
            if (Files.isRegularFile(jar)) {
                jars.put(service, jar);
            }
            else {
                skipped.add(service);
                Console.warn("skipping " + service + ": " + options.repoRoot().relativize(jar.toAbsolutePath())
                        + " does not exist (build it with ./mvnw -q -DskipTests install)");
            }
        }
        jars.forEach((name, jar) -> ServiceProcess.killStale(dataDir.resolve("run").resolve(name + ".pid"), name, jar));
        Map<String, CompletableFuture<Path>> extracting = new LinkedHashMap<>();
        jars.forEach((name, jar) -> extracting.put(name,
                supply(() -> ExtractedJar.prepare(jar, dataDir.resolve("app").resolve(name)))));
        if (!options.randomPorts()) {
            checkFixedPortsFree(jars.keySet(), dataDir);
        }
        startInfrastructure(dataDir);
        Map<String, Path> runnable = new LinkedHashMap<>();
        extracting.forEach((name, jar) -> runnable.put(name, jar.join()));
        boolean classData = classDataSharing(options);

        boolean external = options.envValue("DATABASE_URL") != null;
        boolean externalRedis = options.envValue("REDIS_URL") != null;
        for (Map.Entry<String, Path> entry : runnable.entrySet()) {
            String name = entry.getKey();
            Path jar = entry.getValue();
            Map<String, String> env = ServiceEnvironment.build(name, options, ports, postgres, external, redis,
                    externalRedis);
            ClassDataSharing archive = classData && !jar.equals(jars.get(name)) ? ClassDataSharing.forExtractedJar(jar)
                    : null;
            services.put(name,
                    new ServiceProcess(name, jar, options.repoRoot(), env, options.inheritEnvironment(),
                            ports.healthUri(name), dataDir.resolve("logs"), dataDir.resolve("run"),
                            options.streamLogs(), archive));
        }
        for (List<String> group : START_GROUPS) {
            List<ServiceProcess> starting = group.stream().filter(services::containsKey).map(services::get).toList();
            if (starting.isEmpty()) {
                continue;
            }
            if (closed) {
                throw new IllegalStateException("stopped while starting");
            }
            Console.info("starting " + String.join(", ", starting.stream().map(ServiceProcess::name).toList()));
            starting.forEach(ServiceProcess::start);
            List<CompletableFuture<Void>> healthy = starting.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.awaitHealthy(options.healthTimeout(HEALTH_TIMEOUT)),
                        executor))
                .toList();
            for (CompletableFuture<Void> future : healthy) {
                try {
                    future.join();
                }
                catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
            starting.forEach(p -> Console.info(p.name() + " is up at " + url(p.name())));
        }
    }

    /**
     * Whether every service that makes a class data archive has made it (true when class
     * data sharing is off).
     */
    public boolean classDataArchivesMade() {
        return services.values().stream().noneMatch(ServiceProcess::needsArchive);
    }

    /**
     * Makes the missing class data archives in the background, as many services at a time
     * as there are cores, at nice 19 ({@link ServiceProcess#makeArchive}), so only idle
     * CPU goes to it; {@link #close()} ends it.
     */
    private void makeArchivesInBackground() {
        List<ServiceProcess> missing = services.values().stream().filter(ServiceProcess::needsArchive).toList();
        if (missing.isEmpty()) {
            return;
        }
        Console.info("making class data archives in the background for "
                + String.join(", ", missing.stream().map(ServiceProcess::name).toList())
                + " (once after each build; the next start is quicker)");
        ConcurrentLinkedQueue<ServiceProcess> queue = new ConcurrentLinkedQueue<>(missing);
        int workers = Math.min(missing.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < workers; i++) {
            CompletableFuture.runAsync(() -> {
                ServiceProcess service;
                while (!closed && (service = queue.poll()) != null) {
                    service.makeArchive(ARCHIVE_TIMEOUT);
                }
            }, executor);
        }
    }

    /**
     * Class data archives ({@link ClassDataSharing}): {@code CLASS_DATA_SHARING} in the
     * options' env; unset, on for {@code ./run.sh} (which inherits the caller's
     * environment) and off for isolated platforms (tests, the benchmark), whose data
     * directories live for one run.
     */
    static boolean classDataSharing(PlatformOptions options) {
        String value = options.envValue(ClassDataSharing.VARIABLE);
        return value != null ? Boolean.parseBoolean(value.strip()) : options.inheritEnvironment();
    }

    private void startInfrastructure(Path dataDir) {
        String databaseUrl = options.envValue("DATABASE_URL");
        CompletableFuture<PostgresConnection> pg;
        if (databaseUrl != null) {
            pg = CompletableFuture.completedFuture(PostgresConnection.parse(databaseUrl));
            Console.info("using PostgreSQL from DATABASE_URL");
        }
        else {
            pg = supply(() -> {
                int port = options.randomPorts() ? 0 : Ports.FIXED_POSTGRES;
                embeddedPostgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port,
                        dataDir.resolve("logs").resolve("postgres.log"));
                Console.info("embedded PostgreSQL on port " + embeddedPostgres.port() + " (data in "
                        + dataDir.resolve("postgres") + ")");
                return embeddedPostgres.connection();
            });
        }
        CompletableFuture<RedisConnection> rd;
        if (options.envValue("REDIS_URL") != null) {
            rd = CompletableFuture.completedFuture(RedisConnection.fromEnv(options.env()));
            Console.info("using Redis from REDIS_URL");
        }
        else {
            rd = supply(() -> {
                int port = options.randomPorts() ? 0 : Ports.FIXED_REDIS;
                embeddedRedis = EmbeddedRedisServer.start(port, dataDir.resolve("redis"));
                Console.info("embedded Redis on port " + embeddedRedis.port());
                return embeddedRedis.connection();
            });
        }
        try {
            postgres = pg.join();
            redis = rd.join();
        }
        catch (CompletionException e) {
            // let the other one finish so close() can stop it
            pg.exceptionally(t -> null).join();
            rd.exceptionally(t -> null).join();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private <T> CompletableFuture<T> supply(Supplier<T> supplier) {
        return CompletableFuture.supplyAsync(supplier, executor);
    }

    private void checkFixedPortsFree(Iterable<String> starting, Path dataDir) {
        List<String> busy = new ArrayList<>();
        for (String service : starting) {
            if (!FreePorts.isFree(ports.port(service))) {
                busy.add(ports.port(service) + " (" + service + ")");
            }
            if (!FreePorts.isFree(ports.managementPort(service))) {
                busy.add(ports.managementPort(service) + " (" + service + " management)");
            }
        }
        // a server left running on our own data directory is stopped by local-infra
        // before it starts a new one
        if (options.envValue("DATABASE_URL") == null && !FreePorts.isFree(Ports.FIXED_POSTGRES)
                && !Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid"))) {
            busy.add(Ports.FIXED_POSTGRES + " (PostgreSQL; set DATABASE_URL to use a running server)");
        }
        if (options.envValue("REDIS_URL") == null && !FreePorts.isFree(Ports.FIXED_REDIS)
                && !Files.exists(dataDir.resolve("redis").resolve("redis.pid"))) {
            busy.add(Ports.FIXED_REDIS + " (Redis; set REDIS_URL to use a running server)");
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", busy)
                    + ". Is the platform already running? Stop it, or free these ports.");
        }
    }

    Path jarOf(String service) {
        return jarOf(options.repoRoot(), service);
    }

    private static Path jarOf(Path repoRoot, String service) {
        return repoRoot.resolve(service).resolve("target").resolve(service + "-" + VERSION + ".jar");
    }

    /**
     * Whether a start with these options would map a class data archive in every service:
     * each service's jar exists, its extracted copy under the data directory was made
     * from this very jar, and the archive beside it was made by this JVM. The state
     * {@code ./run.sh} leaves once its first start since a build has made the archives;
     * the benchmark uses it to reuse an earlier run's archives of the same build.
     */
    public static boolean classDataArchivesReady(PlatformOptions options) {
        for (String service : options.services()) {
            Path jar = jarOf(options.repoRoot(), service);
            Path dir = options.dataDir().resolve("app").resolve(service);
            if (!Files.isRegularFile(jar) || !ExtractedJar.isCurrent(jar, dir)
                    || !ClassDataSharing.forExtractedJar(dir.resolve(jar.getFileName())).ready()) {
                return false;
            }
        }
        return !options.services().isEmpty();
    }

    private ServiceProcess process(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("service '" + service + "' is not part of this platform"
                    + (skipped.contains(service) ? " (its jar was missing)" : ""));
        }
        return process;
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        }
        catch (RuntimeException e) {
            Console.warn(e.getMessage());
        }
    }

    // ---- infrastructure faults (tests): stop and start the embedded servers on the same
    // port and data dir ----

    /** Stops the embedded Redis (fault tests); the services keep running. */
    public synchronized void stopRedis() {
        embedded(embeddedRedis, "Redis").stop();
    }

    /** Starts the embedded Redis again on the same port with the same data directory. */
    public synchronized void startRedis() {
        embedded(embeddedRedis, "Redis").restart();
    }

    /** Stops the embedded PostgreSQL (fault tests); the services keep running. */
    public synchronized void stopPostgres() {
        embedded(embeddedPostgres, "PostgreSQL").close();
    }

    /**
     * Starts the embedded PostgreSQL again on the same port with the same data directory.
     */
    public synchronized void startPostgres() {
        int port = embedded(embeddedPostgres, "PostgreSQL").port();
        Path dataDir = options.dataDir().toAbsolutePath();
        embeddedPostgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port,
                dataDir.resolve("logs").resolve("postgres.log"));
    }

    private static <T> T embedded(T server, String name) {
        if (server == null) {
            throw new IllegalStateException(
                    name + " is not embedded (it came from the environment): cannot stop or start it");
        }
        return server;
    }

}
