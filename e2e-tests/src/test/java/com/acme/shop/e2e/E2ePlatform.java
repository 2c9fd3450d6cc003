package com.acme.shop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.acme.shop.launcher.Platform;
import com.acme.shop.launcher.PlatformOptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform (embedded PostgreSQL and Redis plus the five service jars), started
 * once per test JVM on random ports and stopped when the JUnit run ends.
 */
final class E2ePlatform implements AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(E2ePlatform.class);

    final Platform platform;

    final Api api;

    private E2ePlatform(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform);
    }

    /**
     * The run-wide instance, started on first use and closed by JUnit at the end of the
     * run. A failed start is remembered, so the remaining tests fail at once instead of
     * each waiting for another start.
     */
    static E2ePlatform of(ExtensionContext context) {
        return context.getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Startup.class, type -> Startup.attempt(), Startup.class)
            .get();
    }

    /** The outcome of the one start attempt per run. */
    static final class Startup implements AutoCloseable {

        private final E2ePlatform platform;

        private final RuntimeException failure;

        private Startup(E2ePlatform platform, RuntimeException failure) {
            this.platform = platform;
            this.failure = failure;
        }

        static Startup attempt() {
            try {
                return new Startup(start(), null);
            }
            catch (RuntimeException e) {
                return new Startup(null, e);
            }
        }

        E2ePlatform get() {
            if (failure != null) {
                throw new IllegalStateException("the platform did not start: " + failure.getMessage(), failure);
            }
            return platform;
        }

        @Override
        public void close() {
            if (platform != null) {
                platform.close();
            }
        }

    }

    private static E2ePlatform start() {
        Path dataDir = moduleDir().resolve("target/e2e-data");
        deleteRecursively(dataDir); // a fresh database per run keeps counts and pages
                                    // predictable
        long started = System.nanoTime();
        // isolated: nothing exported in the caller's shell (ADMIN_EMAIL,
        // SPRING_PROFILES_ACTIVE, REDIS_URL, ...)
        // reaches the services; the suites register more users from 127.0.0.1 than auth's
        // default allows a minute
        PlatformOptions options = PlatformOptions.isolated()
            .withEnv("REGISTER_RATE_LIMIT", "1000")
            .withRandomPorts()
            .withDataDir(dataDir)
            .withLogs(Boolean.getBoolean("e2e.logs"));
        if (!"false".equals(System.getProperty("e2e.snapshotJars"))) {
            options = options
                .withRepoRoot(JarSnapshot.take(options.repoRoot(), moduleDir().resolve("target/e2e-jars")));
        }
        Platform platform = Platform.start(options);
        System.out.printf("e2e: platform up in %d ms (web-ui %s, gateway %s)%n",
                (System.nanoTime() - started) / 1_000_000, platform.url("web-ui"), platform.url("gateway"));
        return new E2ePlatform(platform);
    }

    String webUrl() {
        return stripSlash(platform.url("web-ui").toString());
    }

    String gatewayUrl() {
        return stripSlash(platform.url("gateway").toString());
    }

    static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("src/test/java/com/acme/shop/e2e"))) {
            return here;
        }
        return here.resolve("e2e-tests");
    }

    static Path repoRoot() {
        return moduleDir().toAbsolutePath().getParent();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }

}
