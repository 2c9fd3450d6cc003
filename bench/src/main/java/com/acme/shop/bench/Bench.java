package com.acme.shop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntToDoubleFunction;

import com.acme.shop.launcher.Platform;
import com.acme.shop.launcher.PlatformOptions;

/**
 * {@code bench/run.sh}: starts the platform with the production JVM options (or measures
 * a running one), warms every path until its throughput is stable, then measures the
 * performance goals P1–P5 of issue 10, alternating the paths, and prints (and writes to
 * docs/benchmarks.md) a table of ratios and the raw numbers.
 * <ul>
 * <li>P1: {@code GET /api/members/{id}} through the gateway ÷ straight to member (nginx
 * with one worker beside it as the reference proxy);</li>
 * <li>P2: the gateway ÷ a second gateway process with both filters off;</li>
 * <li>P3: {@code /api/home} latency ÷ the sum of its three downstream calls'
 * latencies;</li>
 * <li>P4: auth's {@code jwks.json} p99 during a login storm ÷ idle;</li>
 * <li>P5: idle RSS of the five services, and start to healthy.</li>
 * </ul>
 */
public final class Bench {

    static final List<String> SERVICES = PlatformOptions.ALL_SERVICES;

    /** The services the measured platform runs: all but web-ui. */
    static final List<String> BENCHMARKED_SERVICES = SERVICES.stream().filter(s -> !s.equals("web-ui")).toList();

    static final String VERSION = "0.1.0-SNAPSHOT";

    static final int STORM_ACCOUNTS = 8;

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(300);

    /** How long P5 waits for the first start's class data archives. */
    static final Duration ARCHIVES_TIMEOUT = Duration.ofSeconds(240);

    private final BenchOptions options;

    private final Path repoRoot;

    private final Wrk wrk;

    private final String nginxExecutable;

    private final long startedNanos = System.nanoTime();

    private final Results results = new Results();

    private Bench(BenchOptions options, Path repoRoot, String wrkExecutable, String nginxExecutable) {
        this.options = options;
        this.repoRoot = repoRoot;
        this.wrk = new Wrk(wrkExecutable);
        this.nginxExecutable = nginxExecutable;
    }

    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        if (BenchOptions.wantsHelp(args)) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        Path root = PlatformOptions.defaults().repoRoot();
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args), root);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        String wrkExe = executable("wrk", "/usr/bin/wrk");
        String nginxExe = executable("nginx", "/usr/sbin/nginx");
        if (wrkExe == null || nginxExe == null) {
            System.err.println("bench: needs wrk and nginx (Debian: apt-get install -y wrk nginx-light)");
            System.exit(2);
            return;
        }
        int code;
        try {
            code = new Bench(options, root, wrkExe, nginxExe).run();
        }
        catch (RuntimeException e) {
            System.err.println("bench: FAILED: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    int run() {
        describeRun();
        if (options.startupPhase() && !options.running()) {
            results.runShStartup = measureStartup();
        }
        Platform platform = null;
        Targets targets;
        if (options.running()) {
            targets = Targets.fromEnvironment(System.getenv());
        }
        else {
            say("starting the platform with " + options.javaOpts());
            long start = System.nanoTime();
            // web-ui serves none of the measured paths: not started, its start would only
            // eat the time budget
            platform = Platform.start(platformOptions(options.dataDir().resolve("platform"))
                .withServices(BENCHMARKED_SERVICES.toArray(String[]::new))
                .withEnv("SERVICE_JAVA_OPTS", options.javaOpts()));
            double seconds = (System.nanoTime() - start) / 1e9;
            Pause.millis(options.smoke() ? 1000 : 5000);
            results.benchStartup = new Results.Startup(options.javaOpts(), seconds, rssMiB());
            targets = Targets.of(platform);
        }
        try {
            measure(targets);
        }
        finally {
            if (platform != null) {
                say("stopping the platform");
                platform.close();
            }
        }
        results.meta.put("load average after", loadAverage());
        results.meta.put("harness time", String.format(Locale.ROOT, "%.0f s", elapsedSeconds()));
        String report = Report.render(results);
        System.out.println();
        System.out.println(report);
        results.profiles.forEach(System.out::println);
        if (options.write()) {
            Path doc = repoRoot.resolve("docs").resolve("benchmarks.md");
            Report.write(doc, report);
            say("results written to " + repoRoot.relativize(doc));
        }
        return 0;
    }

    private void measure(Targets t) {
        Api api = new Api(t.auth());
        AdminToken admin = new AdminToken(api, t.adminEmail(), t.adminPassword());
        String memberId = api.firstMemberId(t.member(), admin.get());
        String path = "/api/members/" + memberId;
        Path logs = options.dataDir().resolve("logs");
        // the platform's processes first: the second gateway runs the same jar
        long memberPid = pidOf("member");
        long gatewayPid = pidOf("gateway");
        long bffPid = pidOf("bff");
        long authPid = pidOf("auth");
        long productPid = pidOf("product");
        long orderPid = pidOf("order");
        say("starting a second gateway without filters and nginx");
        Path gatewayJar = repoRoot.resolve("gateway").resolve("target").resolve("gateway-" + VERSION + ".jar");
        try (ExtraGateway bare = ExtraGateway.withoutFilters(gatewayJar, t.gatewayEnv(), options.javaOpts(),
                logs.resolve("gateway-no-filters.log"), HEALTH_TIMEOUT);
                ExtraGateway baseline = options.baselineGateway() == null ? null
                        : ExtraGateway.baseline(options.baselineGateway(), t.gatewayEnv(), options.javaOpts(),
                                logs.resolve("gateway-baseline.log"), HEALTH_TIMEOUT);
                Nginx nginx = Nginx.start(nginxExecutable, options.dataDir().resolve("nginx"), t.member())) {
            List<Target> p1 = new ArrayList<>(List.of(
                    new Target(Results.DIRECT, "direct to member", t.member() + path, memberPid, "member"),
                    new Target(Results.NGINX, "nginx (1 worker) → member", nginx.url() + path, nginx.pid(), "nginx"),
                    new Target(Results.GATEWAY, "gateway → member, filters on (as shipped)", t.gateway() + path,
                            gatewayPid, "gateway"),
                    new Target(Results.GATEWAY_NO_FILTERS,
                            "gateway → member, `TOKEN_VALIDATION_ENABLED=false IDEMPOTENCY_ENABLED=false`",
                            bare.url() + path, bare.pid(), "gateway")));
            if (baseline != null) {
                p1.add(new Target(
                        Results.GATEWAY_BASELINE, "gateway → member, baseline build `"
                                + options.baselineGateway().getFileName() + "`, filters on",
                        baseline.url() + path, baseline.pid(), "gateway"));
            }
            List<Target> p3 = List.of(
                    new Target(Results.HOME, "bff `GET /api/home` (admin: 5 downstream calls)", t.bff() + "/api/home",
                            bffPid, "bff"),
                    new Target(Results.VERIFY, "auth `GET /api/auth/verify`", t.auth() + "/api/auth/verify", authPid,
                            "auth"),
                    new Target(Results.ME, "member `GET /api/members/me`", t.member() + "/api/members/me", memberPid,
                            "member"),
                    new Target(Results.NEWEST, "member `GET /api/members?page=0&size=5&sort=createdAt,desc`",
                            t.member() + "/api/members?page=0&size=5&sort=createdAt,desc", memberPid, "member"),
                    new Target(Results.PRODUCTS,
                            "product `GET /api/products?page=0&size=4&sort=createdAt,desc` (no token)",
                            t.product() + "/api/products?page=0&size=4&sort=createdAt,desc", productPid, "product"),
                    new Target(Results.ORDERS, "order `GET /api/orders?page=0&size=3`",
                            t.order() + "/api/orders?page=0&size=3", orderPid, "order"),
                    new Target(Results.HOME_VIA_GATEWAY, "gateway → bff `GET /api/home`", t.gateway() + "/api/home",
                            gatewayPid, "gateway"));
            Target jwks = new Target("jwks", "auth `GET /.well-known/jwks.json`", t.auth() + "/.well-known/jwks.json",
                    authPid, "auth");
            p1.forEach(x -> results.labels.put(x.key(), x.label()));
            p3.forEach(x -> results.labels.put(x.key(), x.label()));

            String stormPassword = "bench storm passphrase " + UUID.randomUUID();
            List<String> stormAccounts = registerStormAccounts(api, stormPassword);

            say("checking every path once");
            for (Target target : concat(p1, p3, List.of(jwks))) {
                prime(api, target, admin);
            }
            Wrk.Load p1Load = new Wrk.Load(options.threads(), options.connections(), options.slice());
            Wrk.Load oneConnection = new Wrk.Load(1, 1, p3Slice());
            warmUp(p1, p3, jwks, p1Load, admin);
            measureThroughput(p1, p1Load, admin, gatewayPid);
            measureLatency(p3, oneConnection, admin, bffPid);
            measureStorm(jwks, oneConnection.withDuration(p4Slice()), api, stormAccounts, stormPassword);
            measureCheckout(t, api, admin, stormAccounts, stormPassword);
            if (!options.running()) {
                results.rssAfterLoadMiB = rssMiB();
            }
        }
    }

    private void describeRun() {
        Map<String, String> m = results.meta;
        m.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        m.put("commit", commit());
        m.put("machine", machine());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("mode", options.smoke() ? "SMOKE (seconds per phase: the numbers mean nothing)"
                : options.running() ? "a running platform" : "platform started by the harness");
        m.put("services' JVM options", options.running() ? "as started" : "`" + options.javaOpts() + "`");
        m.put("load", loadDescription(options.rounds()));
        m.put("load average before", loadAverage());
        say("machine: " + m.get("machine") + "; load average " + m.get("load average before"));
    }

    /**
     * P5 on a platform started as ./run.sh starts it (its default JVM options, class data
     * archives on): the first start after a build on a fresh data directory, which then
     * makes the archives in the background, and the next start, which maps them (the
     * result of P5). A smoke run makes only the first start.
     */
    private Results.Startup measureStartup() {
        Path dataDir = options.dataDir().resolve("startup");
        if (!options.smoke() && Platform
            .classDataArchivesReady(platformOptions(dataDir, false).withEnv("CLASS_DATA_SHARING", "true"))) {
            // an earlier run of this very build left its archives (and its data) here:
            // the next start is what P5 measures, so the first start and the wait for the
            // archives (about two minutes) go to the warm-up instead
            say("P5: the class data archives of this build are there from an earlier run: one start, which maps them");
            results.runShArchivesReused = true;
            results.notes.add("P5: the class data archives of this build were made by an earlier run (kept in its "
                    + "data directory `startup/`), so only the next start was measured, not the first one after the build");
            return startOnce(dataDir, "./run.sh default, next start", false);
        }
        deleteRecursively(dataDir);
        say("P5: first start after a build, ./run.sh's JVM options, fresh data directory");
        Results.Startup first = startOnce(dataDir, "./run.sh default, first start after a build", !options.smoke());
        results.runShFirstStartup = first;
        if (options.smoke()) {
            return first;
        }
        say("P5: next start, with the class data archives the first one made");
        return startOnce(dataDir, "./run.sh default, next start", false);
    }

    private Results.Startup startOnce(Path dataDir, String label, boolean awaitArchives) {
        long start = System.nanoTime();
        // a smoke run makes no archives: it stops the platform while they would be made
        String archives = Boolean.toString(!options.smoke());
        try (Platform platform = Platform
            .start(platformOptions(dataDir, false).withEnv("CLASS_DATA_SHARING", archives))) {
            double seconds = (System.nanoTime() - start) / 1e9;
            Pause.millis(options.smoke() ? 1000 : 5000);
            Map<String, Long> rss = rssMiB();
            say(String.format(Locale.ROOT, "P5: healthy after %.1f s, idle RSS %s MiB", seconds, rss));
            if (awaitArchives && !awaitArchives(platform)) {
                results.notes.add("P5: the class data archives were not all made within " + ARCHIVES_TIMEOUT.toSeconds()
                        + " s; the next start ran with those that were");
            }
            return new Results.Startup(label, seconds, rss);
        }
    }

    private boolean awaitArchives(Platform platform) {
        long start = System.nanoTime();
        long deadline = start + ARCHIVES_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (platform.classDataArchivesMade()) {
                say(String.format(Locale.ROOT, "P5: class data archives made %.0f s after healthy",
                        (System.nanoTime() - start) / 1e9));
                return true;
            }
            Pause.millis(1000);
        }
        return false;
    }

    private PlatformOptions platformOptions(Path dataDir) {
        return platformOptions(dataDir, true);
    }

    private PlatformOptions platformOptions(Path dataDir, boolean fresh) {
        if (fresh) {
            deleteRecursively(dataDir);
        }
        return PlatformOptions.isolated()
            .withRepoRoot(repoRoot)
            .withRandomPorts()
            .withDataDir(dataDir)
            .withLogs(false)
            .withEnv("STARTUP_TIMEOUT_SECONDS", Long.toString(HEALTH_TIMEOUT.toSeconds()));
    }

    private List<String> registerStormAccounts(Api api, String password) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < STORM_ACCOUNTS; i++) {
            String email = "bench-" + run + "-" + i + "@bench.example";
            api.register(email, password, "Bench Storm " + i);
            emails.add(email);
        }
        return emails;
    }

    private void warmUp(List<Target> p1, List<Target> p3, Target jwks, Wrk.Load load, AdminToken admin) {
        Stability stability = new Stability(3, 0.06);
        Duration limit = warmUpLimit();
        say("warming up until throughput is stable (at most " + limit.toSeconds() + " s)");
        long start = System.nanoTime();
        Wrk.Load slice = load.withDuration(options.warmupSlice());
        Duration half = Duration.ofSeconds(Math.max(1, options.warmupSlice().toSeconds() / 2));
        // cold JVMs get a few connections first: 32 at once on an interpreted gateway
        // time out
        Wrk.Load gentle = new Wrk.Load(Math.min(2, load.threads()), Math.min(4, load.connections()), half);
        Wrk.Load light = new Wrk.Load(1, 2, half);
        // P3 is measured on one connection, but bff and the five services behind
        // /api/home need as many calls as the gateway to be compiled: a few connections
        Wrk.Load fanOut = new Wrk.Load(Math.min(2, load.threads()), Math.min(8, load.connections()), half);
        int round = 0;
        while (true) {
            round++;
            for (Target target : p1) {
                // the gateways are what the JIT needs time for; member and nginx warm
                // with them
                boolean gatewayPath = target.process().equals("gateway");
                Wrk.Load warm = round == 1 ? gentle : gatewayPath ? slice : load.withDuration(half);
                Wrk.Result r = warm(target, warm, admin);
                results.warmup.computeIfAbsent(target.key(), k -> new ArrayList<>()).add(r.requestsPerSecond());
            }
            for (Target target : p3) {
                warm(target, round == 1 ? light : fanOut, admin);
            }
            warm(jwks, light, null);
            boolean stable = p1.stream().allMatch(x -> stability.isStable(results.warmup.get(x.key())));
            double elapsed = (System.nanoTime() - start) / 1e9;
            say(String.format(Locale.ROOT, "warm-up round %d (%.0f s): %s", round, elapsed, lastWarmup(p1)));
            if (stable || elapsed >= limit.toSeconds()) {
                results.warmupSeconds = elapsed;
                results.warmupStable = stable;
                return;
            }
        }
    }

    private String lastWarmup(List<Target> p1) {
        StringBuilder b = new StringBuilder();
        for (Target t : p1) {
            List<Double> series = results.warmup.get(t.key());
            b.append(t.key()).append(' ').append(Report.fmt0(series.get(series.size() - 1))).append(" req/s  ");
        }
        return b.toString().trim();
    }

    /** What is left of the budget after the measurements, capped by --warmup-max. */
    private Duration warmUpLimit() {
        double left = options.budget().toSeconds() - elapsedSeconds() - measuringSeconds(options.rounds());
        long seconds = (long) Math.min(options.warmupMax().toSeconds(), Math.max(0, left));
        if (left < options.warmupMax().toSeconds() && !options.smoke()) {
            results.notes.add("the warm-up was shortened to " + seconds + " s to end within the time budget");
        }
        return Duration.ofSeconds(seconds);
    }

    private String loadDescription(int rounds) {
        return "wrk -t" + options.threads() + " -c" + options.connections() + ", " + rounds + " alternating runs of "
                + options.slice().toSeconds() + " s per path after the warm-up";
    }

    /**
     * Seconds the measurements after the warm-up take with {@code rounds} P1/P2 rounds.
     */
    private double measuringSeconds(int rounds) {
        return rounds * (options.baselineGateway() == null ? 4 : 5) * (options.slice().toSeconds() + 1.5)
                + (options.profile() ? options.slice().toSeconds() + p3Slice().toSeconds() + 3 : 0)
                + p3Rounds() * 7 * (p3Slice().toSeconds() + 1.5) + p4Rounds() * (2 * p4Slice().toSeconds() + 3)
                + 2 * checkoutSlice().toSeconds() + 25;
    }

    /**
     * The most P1/P2 rounds, at most {@code wanted} and at least {@code fewest} (or
     * {@code wanted} when that is fewer), with which the run still ends within the
     * budget: the warm-up stops at its first round at the latest, so on a slow machine
     * (slow starts) this is what keeps the run under ten minutes.
     */
    static int roundsThatFit(int wanted, int fewest, double secondsLeft, IntToDoubleFunction measuringSeconds) {
        int rounds = wanted;
        while (rounds > Math.min(wanted, fewest) && measuringSeconds.applyAsDouble(rounds) > secondsLeft) {
            rounds--;
        }
        return rounds;
    }

    private void measureThroughput(List<Target> targets, Wrk.Load load, AdminToken admin, long gatewayPid) {
        int rounds = roundsThatFit(options.rounds(), 2, options.budget().toSeconds() - elapsedSeconds(),
                this::measuringSeconds);
        if (rounds < options.rounds()) {
            results.notes.add("P1/P2 were measured in " + rounds + " rounds instead of " + options.rounds()
                    + " to end within the time budget");
            results.meta.put("load", loadDescription(rounds));
        }
        say("P1/P2: " + rounds + " alternating runs of " + load.duration().toSeconds() + " s per path");
        Map<String, Long> threadCpu = new LinkedHashMap<>();
        long gatewayRequests = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get((i + round) % targets.size());
                boolean gateway = target.key().equals(Results.GATEWAY);
                long cpuBefore = cpuMillisTree(target.pid());
                Map<String, Long> threadsBefore = gateway ? Procs.cpuMillisByThread(gatewayPid) : Map.of();
                Wrk.Result r = load(target, load, admin);
                long cpu = cpuMillisTree(target.pid()) - cpuBefore;
                if (gateway) {
                    Procs.difference(threadsBefore, Procs.cpuMillisByThread(gatewayPid))
                        .forEach((k, v) -> threadCpu.merge(k, v, Long::sum));
                    gatewayRequests += r.requests();
                }
                results.addThroughput(target.key(), r);
                if (target.pid() > 0 && r.requests() > 0) {
                    results.addCpu(target.key(), cpu * 1000.0 / r.requests());
                    results.cpuOf.put(target.key(), target.process());
                }
                say(String.format(Locale.ROOT, "  %-20s %8.0f req/s  p99 %6.2f ms", target.key(), r.requestsPerSecond(),
                        r.p99Ms()));
            }
        }
        results.gatewayThreadCpuMillis = sortedDesc(threadCpu);
        results.gatewayThreadCpuRequests = gatewayRequests;
        if (options.profile()) {
            Wrk.Result r = profileExtraRun(targets, Results.GATEWAY, load, admin, gatewayPid, "gateway.jfr");
            say(String.format(Locale.ROOT, "  %-20s %8.0f req/s  (recorded with JFR, not counted)", Results.GATEWAY,
                    r.requestsPerSecond()));
        }
    }

    /**
     * --profile: one more run of {@code key}, after the measured ones and not counted,
     * recorded with JFR into {@code file} under the data directory. Starting a recording
     * makes the JVM drop compiled code, so a recorded run is slower than the others and
     * must not be one of P1's or P3's.
     */
    private Wrk.Result profileExtraRun(List<Target> targets, String key, Wrk.Load load, AdminToken admin, long pid,
            String file) {
        Target target = targets.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        JfrProfile jfr = JfrProfile.start(pid, options.dataDir().resolve(file));
        Wrk.Result r = load(target, load, admin);
        results.profiles.add(jfr.stop(25)
            .render(String.format(Locale.ROOT,
                    "JFR profile of %s, one extra `%s` run after the measured ones (%.0f req/s, mean %.2f ms; not counted)",
                    target.process(), key, r.requestsPerSecond(), r.latencyAvgMs())));
        return r;
    }

    private void measureLatency(List<Target> targets, Wrk.Load load, AdminToken admin, long bffPid) {
        say("P3: latency of /api/home and of its downstream calls, one connection");
        for (int round = 0; round < p3Rounds(); round++) {
            for (int i = 0; i < targets.size(); i++) {
                Target target = targets.get((i + round) % targets.size());
                Wrk.Result r = load(target, load, admin);
                results.addLatency(target.key(), r);
                say(String.format(Locale.ROOT, "  %-20s mean %6.2f ms  p99 %6.2f ms", target.key(), r.latencyAvgMs(),
                        r.p99Ms()));
            }
        }
        if (options.profile()) {
            profileExtraRun(targets, Results.HOME, load, admin, bffPid, "bff.jfr");
        }
    }

    /**
     * The checkout's latency through the gateway (issue 11), one buyer then four at once.
     * Not a goal of issue 10: reported, and a failure here is noted instead of failing
     * the run.
     */
    private void measureCheckout(Targets t, Api api, AdminToken admin, List<String> accounts, String password) {
        Duration duration = checkoutSlice();
        say("checkout: POST /api/orders through the gateway, 1 buyer then " + CHECKOUT_BUYERS + ", "
                + duration.toSeconds() + " s each");
        try {
            CheckoutLoad checkout = new CheckoutLoad(t.gateway());
            String product = checkout.createProduct(admin.get(), t.gatewayEnv().getOrDefault("SHOP_CURRENCY", "EUR"));
            List<String> tokens = accounts.stream().limit(CHECKOUT_BUYERS).map(a -> api.login(a, password)).toList();
            for (List<String> buyers : List.of(tokens.subList(0, 1), tokens)) {
                CheckoutLoad.Result r = checkout.run(buyers, product, duration);
                results.checkouts.add(r);
                say(String.format(Locale.ROOT, "  %d buyer(s): %d checkouts, p50 %.1f ms, p99 %.1f ms %s", r.buyers(),
                        r.millis().size(), r.percentile(50), r.percentile(99), r.statuses()));
            }
        }
        catch (RuntimeException e) {
            results.notes.add("checkout latency not measured: " + e.getMessage());
            say("  checkout latency not measured: " + e.getMessage());
        }
    }

    static final int CHECKOUT_BUYERS = 4;

    private Duration checkoutSlice() {
        return Duration.ofSeconds(options.smoke() ? 2 : 8);
    }

    /**
     * P4 in {@link #p4Rounds()} rounds: an idle run of {@code jwks.json}, then one during
     * a login storm that has had two seconds to fill every core with bcrypt.
     */
    private void measureStorm(Target jwks, Wrk.Load load, Api api, List<String> accounts, String password) {
        say("P4: jwks.json idle, then during a login storm (" + accounts.size() + " clients), " + p4Rounds()
                + " rounds");
        long stormLogins = 0;
        double stormSeconds = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        for (int round = 0; round < p4Rounds(); round++) {
            Wrk.Result idle = load(jwks, load, null);
            results.jwksIdle.add(idle);
            LoginStorm storm = new LoginStorm(api, accounts, password);
            Wrk.Result during;
            try {
                Pause.millis(options.smoke() ? 1000 : 2000);
                long before = storm.successes();
                double t0 = storm.seconds();
                during = load(jwks, load, null);
                stormLogins += storm.successes() - before;
                stormSeconds += storm.seconds() - t0;
            }
            finally {
                storm.close();
            }
            results.jwksStorm.add(during);
            storm.statuses().forEach((status, count) -> statuses.merge(status, count, Long::sum));
            say(String.format(Locale.ROOT, "  idle p99 %.2f ms, storm p99 %.2f ms, %s", idle.p99Ms(), during.p99Ms(),
                    storm.statuses()));
        }
        results.stormLoginsPerSecond = stormLogins / Math.max(0.001, stormSeconds);
        results.stormStatuses = statuses;
        if (statuses.getOrDefault(200, 0L) == 0) {
            throw new IllegalStateException("P4: no login of the storm succeeded: " + statuses);
        }
    }

    /** The paths called without a token (as their real callers call them). */
    static final Set<String> ANONYMOUS = Set.of("jwks", Results.PRODUCTS);

    private static List<String> headers(Target target, AdminToken admin) {
        return admin == null || ANONYMOUS.contains(target.key()) ? List.of() : List.of(admin.header());
    }

    /** One request (a cold JVM may take seconds); fails unless it answers 2xx. */
    private static void prime(Api api, Target target, AdminToken admin) {
        int status = api.get(target.url(), ANONYMOUS.contains(target.key()) ? null : admin.get()).statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException(target.key() + " (" + target.url() + ") answered " + status);
        }
    }

    @SafeVarargs
    private static List<Target> concat(List<Target>... lists) {
        List<Target> all = new ArrayList<>();
        for (List<Target> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** One wrk run; fails the phase on any non-2xx answer or socket error. */
    /**
     * A warm-up run: errors of a cold JVM (timeouts under the first load) are noted, not
     * fatal; the measured runs after it must be clean.
     */
    private Wrk.Result warm(Target target, Wrk.Load load, AdminToken admin) {
        List<String> headers = headers(target, admin);
        Wrk.Result r = wrk.run(target.url(), load, headers);
        if (!r.clean()) {
            results.notes.add("warm-up of " + target.key() + ": " + r.non2xx() + " non-2xx answers and "
                    + r.socketErrors() + " socket errors in " + r.requests() + " requests (a cold JVM; not measured)");
        }
        if (r.requests() > 0 && r.non2xx() == r.requests()) {
            throw new IllegalStateException(target.key() + " (" + target.url() + "): every warm-up answer was non-2xx");
        }
        return r;
    }

    private Wrk.Result load(Target target, Wrk.Load load, AdminToken admin) {
        List<String> headers = headers(target, admin);
        Wrk.Result r = wrk.run(target.url(), load, headers);
        // smoke runs on cold JVMs for a second or two: only a wrong answer fails them
        boolean failed = options.smoke() ? r.non2xx() > 0 : !r.clean();
        if (failed) {
            throw new IllegalStateException(target.key() + " (" + target.url() + "): " + r.non2xx()
                    + " non-2xx answers and " + r.socketErrors() + " socket errors in " + r.requests() + " requests");
        }
        return r;
    }

    private Duration p3Slice() {
        return Duration.ofSeconds(options.smoke() ? 1 : 5);
    }

    private int p3Rounds() {
        return options.smoke() ? 1 : 2;
    }

    private Duration p4Slice() {
        return Duration.ofSeconds(options.smoke() ? 2 : 4);
    }

    private int p4Rounds() {
        return options.smoke() ? 1 : 3;
    }

    private Map<String, Long> rssMiB() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Procs.byJar(service + "-" + VERSION + ".jar").ifPresent(p -> {
                long bytes = Procs.rssBytes(p.pid());
                if (bytes > 0) {
                    rss.put(service, bytes / (1024 * 1024));
                }
            });
        }
        return rss;
    }

    private long pidOf(String service) {
        Optional<ProcessHandle> p = Procs.byJar(service + "-" + VERSION + ".jar");
        return p.map(ProcessHandle::pid).orElse(-1L);
    }

    private static long cpuMillisTree(long pid) {
        if (pid <= 0) {
            return 0;
        }
        long total = Procs.cpuMillis(pid);
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            total += handle.get().descendants().mapToLong(d -> Procs.cpuMillis(d.pid())).sum();
        }
        return total;
    }

    private static Map<String, Long> sortedDesc(Map<String, Long> map) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        map.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private String commit() {
        String head = git("rev-parse", "--short", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return head.trim() + (status != null && !status.isBlank() ? " (with uncommitted changes)" : "");
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : null;
        }
        catch (IOException e) {
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String machine() {
        String cpu = "unknown CPU";
        long memKb = 0;
        String kernel = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            kernel = Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        }
        catch (IOException | RuntimeException e) {
            // not Linux: keep what we have
        }
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM, Linux %s, loopback", cpu,
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0, kernel);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2] + " (1, 5, 15 min)";
        }
        catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String executable(String name, String fallback) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return Files.isExecutable(Path.of(fallback)) ? fallback : null;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                }
                catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException("could not delete " + dir, e);
        }
    }

    static void say(String text) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + text);
    }

    /** One measured URL and the process whose CPU it costs. */
    record Target(String key, String label, String url, long pid, String process) {

        Target {
            url = Urls.requireLoopback(Urls.ipv4(url));
        }

    }

    /** Where the platform answers, and how to start a second gateway beside it. */
    record Targets(String auth, String member, String bff, String gateway, String product, String order,
            Map<String, String> gatewayEnv, String adminEmail, String adminPassword) {

        static Targets of(Platform platform) {
            return new Targets(url(platform, "auth"), url(platform, "member"), url(platform, "bff"),
                    url(platform, "gateway"), url(platform, "product"), url(platform, "order"),
                    platform.environment("gateway"), platform.adminEmail(), platform.adminPassword());
        }

        private static String url(Platform platform, String service) {
            return Urls.ipv4(platform.url(service).toString());
        }

        static Targets fromEnvironment(Map<String, String> env) {
            return new Targets(env.getOrDefault("AUTH_SERVER_URL", "http://127.0.0.1:4000"),
                    env.getOrDefault("MEMBER_SERVER_URL", "http://127.0.0.1:5000"),
                    env.getOrDefault("BFF_SERVER_URL", "http://127.0.0.1:3001"),
                    env.getOrDefault("GATEWAY_URL", "http://127.0.0.1:8000"),
                    env.getOrDefault("PRODUCT_SERVER_URL", "http://127.0.0.1:5100"),
                    env.getOrDefault("ORDER_SERVER_URL", "http://127.0.0.1:5200"), env,
                    env.getOrDefault("ADMIN_EMAIL", "admin@shop.local"),
                    env.getOrDefault("ADMIN_PASSWORD", "admin-password-local"));
        }

    }

}
