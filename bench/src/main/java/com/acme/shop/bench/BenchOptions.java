package com.acme.shop.bench;

import com.acme.shop.launcher.PlatformOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Command line of {@code bench/run.sh}.
 *
 * @param smoke tiny durations (CI): proves the harness runs and prints its table; the
 * numbers mean nothing and docs/benchmarks.md is not written
 * @param running measure a platform that is already running (URLs from the environment)
 * instead of starting one
 * @param startupPhase measure P5 (start to healthy, idle RSS) on a platform started with
 * {@code ./run.sh}'s own JVM options before the measured one
 * @param profile record the gateway with JFR during one extra P1 slice after the measured
 * ones (not counted: a recording makes the JVM drop compiled code), and bff during one
 * extra {@code /api/home} run after P3's, and print where their time went
 * @param write replace the results section of docs/benchmarks.md
 * @param slice length of one measured wrk run of P1/P2
 * @param rounds how many times each P1/P2 path is measured (alternating the paths)
 * @param warmupSlice length of one warm-up wrk run
 * @param warmupMax the longest warm-up, stable or not
 * @param threads wrk threads for P1/P2
 * @param connections wrk connections for P1/P2
 * @param javaOpts JVM options of the measured services (the production flags)
 * @param budget the whole run must end within this
 * @param baselineGateway another build's gateway jar, measured beside this build's (with
 * its filters on) so that a change shows as a ratio of one run; null when not asked for
 */
record BenchOptions(boolean smoke, boolean running, boolean startupPhase, boolean profile, boolean write,
        Duration slice, int rounds, Duration warmupSlice, Duration warmupMax, int threads, int connections,
        String javaOpts, Duration budget, Path dataDir, Path baselineGateway) {

    /**
     * The production JVM options, as in the container image (full JIT, Serial GC: the
     * image runs on one CPU per container, where the JVM picks Serial GC), with a fixed
     * heap instead of 75 % of a container limit; threads of {@link Thread#MIN_PRIORITY}
     * (auth's bcrypt) at Linux nice 19 and no thread above the default priority.
     */
    /** The production options, and the launcher's thread-priority options. */
    static final String PRODUCTION_JAVA_OPTS = "-XX:+UseSerialGC -Xmx256m -Xss512k -XX:+ExitOnOutOfMemoryError "
            + String.join(" ", PlatformOptions.LOW_PRIORITY_THREAD_OPTIONS);

    static final String USAGE = """
            Usage: bench/run.sh [options]

            Starts the platform with the production JVM options (or measures a running one), warms every path until
            its throughput is stable, then measures P1-P5 alternating the paths, prints a table of ratios and the raw
            numbers, and writes them to docs/benchmarks.md. Loopback only; ends within 10 minutes.

              --smoke              a few seconds per phase (CI): proves it runs; results are not written
              --running            measure a running platform (GATEWAY_URL, MEMBER_SERVER_URL, AUTH_SERVER_URL,
                                   BFF_SERVER_URL, ADMIN_EMAIL, ADMIN_PASSWORD; defaults: ./run.sh's)
              --no-startup-phase   skip P5's start with ./run.sh's JVM options (P5 is then measured on the
                                   benchmarked platform)
              --profile            record the gateway (one extra P1 slice) and bff (one extra /api/home run)
                                   with JFR, after the measured runs and not counted; print their top frames
              --no-write           do not touch docs/benchmarks.md
              --baseline-gateway JAR
                                   also measure another build's gateway jar (filters on) beside this one's,
                                   e.g. a copy of gateway/target/gateway-*.jar built from the previous commit
              --slice SECONDS      one measured wrk run (default 10)
              --rounds N           measured runs per path (default 3)
              --warmup-max SECONDS longest warm-up (default 180)
              --budget SECONDS     the whole run ends within this (default 570: under ten minutes); the warm-up gets
                                   what the other phases leave of it, so a longer budget (with --warmup-max) is how
                                   a run outside CI lets the JIT settle
              --connections N      wrk connections for P1/P2 (default 32)
              --java-opts "..."    JVM options of the services (default: %s)
              -h, --help           this text
            """.formatted(PRODUCTION_JAVA_OPTS);

    static BenchOptions defaults(Path repoRoot) {
        return new BenchOptions(false, false, true, false, true, Duration.ofSeconds(10), 3, Duration.ofSeconds(5),
                Duration.ofSeconds(180), 2, 32, PRODUCTION_JAVA_OPTS, Duration.ofSeconds(570),
                repoRoot.resolve("bench").resolve("target").resolve("bench-data"), null);
    }

    static BenchOptions parse(List<String> args, Path repoRoot) {
        BenchOptions o = defaults(repoRoot);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--smoke" -> o = o.smokeMode();
                case "--running" -> o = o.with(b -> b.running = true);
                case "--no-startup-phase" -> o = o.with(b -> b.startupPhase = false);
                case "--profile" -> o = o.with(b -> b.profile = true);
                case "--no-write" -> o = o.with(b -> b.write = false);
                case "--slice" -> {
                    Duration d = seconds(value(args, ++i, arg));
                    o = o.with(b -> b.slice = d);
                }
                case "--rounds" -> {
                    int n = positive(value(args, ++i, arg), arg);
                    o = o.with(b -> b.rounds = n);
                }
                case "--warmup-max" -> {
                    Duration d = seconds(value(args, ++i, arg));
                    o = o.with(b -> b.warmupMax = d);
                }
                case "--budget" -> {
                    Duration d = seconds(value(args, ++i, arg));
                    o = o.with(b -> b.budget = d);
                }
                case "--connections" -> {
                    int n = positive(value(args, ++i, arg), arg);
                    o = o.with(b -> b.connections = n);
                }
                case "--java-opts" -> {
                    String v = value(args, ++i, arg);
                    o = o.with(b -> b.javaOpts = v);
                }
                case "--baseline-gateway" -> {
                    Path jar = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    if (!Files.isRegularFile(jar)) {
                        throw new IllegalArgumentException("--baseline-gateway: no such file: " + jar);
                    }
                    o = o.with(b -> b.baselineGateway = jar);
                }
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return o;
    }

    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("-h") || Arrays.asList(args).contains("--help");
    }

    /** CI: seconds per phase, no separate start-up phase, nothing written. */
    BenchOptions smokeMode() {
        return with(b -> {
            b.smoke = true;
            b.startupPhase = false;
            b.write = false;
            b.slice = Duration.ofSeconds(2);
            b.rounds = 1;
            b.warmupSlice = Duration.ofSeconds(2);
            b.warmupMax = Duration.ofSeconds(1);
        });
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String value, String option) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value));
    }

    private BenchOptions with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {

        boolean smoke;

        boolean running;

        boolean startupPhase;

        boolean profile;

        boolean write;

        Duration slice;

        int rounds;

        Duration warmupSlice;

        Duration warmupMax;

        int threads;

        int connections;

        String javaOpts;

        Duration budget;

        Path dataDir;

        Path baselineGateway;

        Builder(BenchOptions o) {
            smoke = o.smoke;
            running = o.running;
            startupPhase = o.startupPhase;
            profile = o.profile;
            write = o.write;
            slice = o.slice;
            rounds = o.rounds;
            warmupSlice = o.warmupSlice;
            warmupMax = o.warmupMax;
            threads = o.threads;
            connections = o.connections;
            javaOpts = o.javaOpts;
            budget = o.budget;
            dataDir = o.dataDir;
            baselineGateway = o.baselineGateway;
        }

        BenchOptions build() {
            return new BenchOptions(smoke, running, startupPhase, profile, write, slice, rounds, warmupSlice, warmupMax,
                    threads, connections, javaOpts, budget, dataDir, baselineGateway);
        }

    }

}
