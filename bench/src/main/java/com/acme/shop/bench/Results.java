package com.acme.shop.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured (filled in by {@link Bench}, rendered by {@link Report}).
 */
final class Results {

    /** Paths of P1/P2, in table order. */
    static final String DIRECT = "direct";

    static final String NGINX = "nginx";

    static final String GATEWAY = "gateway";

    static final String GATEWAY_NO_FILTERS = "gateway-no-filters";

    /** Another build's gateway (--baseline-gateway), filters on. */
    static final String GATEWAY_BASELINE = "gateway-baseline";

    /** Paths of P3. */
    static final String HOME = "home";

    static final String VERIFY = "verify";

    static final String ME = "me";

    static final String NEWEST = "newest";

    static final String HOME_VIA_GATEWAY = "home-via-gateway";

    /** bff's featured products call (no token, as bff sends it). */
    static final String PRODUCTS = "products";

    /** bff's latest orders call. */
    static final String ORDERS = "orders";

    /** The calls bff's /api/home makes for an admin, in parallel. */
    static final List<String> HOME_DOWNSTREAM = List.of(VERIFY, ME, NEWEST, PRODUCTS, ORDERS);

    final Map<String, String> meta = new LinkedHashMap<>();

    final Map<String, String> labels = new LinkedHashMap<>();

    /** P1/P2 measured slices by path. */
    final Map<String, List<Wrk.Result>> throughput = new LinkedHashMap<>();

    /** CPU time of the proxying/serving process per request, µs, by path. */
    final Map<String, List<Double>> cpuMicrosPerRequest = new LinkedHashMap<>();

    /** Which process {@link #cpuMicrosPerRequest} measured, by path. */
    final Map<String, String> cpuOf = new LinkedHashMap<>();

    /** Warm-up req/s series by path. */
    final Map<String, List<Double>> warmup = new LinkedHashMap<>();

    double warmupSeconds;

    boolean warmupStable;

    /** P3 slices by path. */
    final Map<String, List<Wrk.Result>> latency = new LinkedHashMap<>();

    /** P4: the idle runs of {@code jwks.json}, alternating with {@link #jwksStorm}. */
    final List<Wrk.Result> jwksIdle = new ArrayList<>();

    /** P4: the runs of {@code jwks.json} during a login storm. */
    final List<Wrk.Result> jwksStorm = new ArrayList<>();

    double stormLoginsPerSecond;

    Map<Integer, Long> stormStatuses = Map.of();

    /** P5 with ./run.sh's JVM options (null when not measured). */
    Startup runShStartup;

    /**
     * The first start after a build (fresh data directory, no class data archives yet);
     * {@link #runShStartup} is the next one, unless this was a smoke run.
     */
    Startup runShFirstStartup;

    /**
     * The class data archives of this build were there from an earlier run:
     * {@link #runShStartup} is a next start, and the first one was not measured.
     */
    boolean runShArchivesReused;

    /** The benchmarked platform's start (production options; null for a running one). */
    Startup benchStartup;

    /** RSS of the benchmarked services after the load, MiB by service. */
    Map<String, Long> rssAfterLoadMiB = new LinkedHashMap<>();

    /** Gateway CPU by thread group during the measured gateway slices, ms. */
    Map<String, Long> gatewayThreadCpuMillis = new LinkedHashMap<>();

    long gatewayThreadCpuRequests;

    /** JFR summaries (--profile): the gateway under P1's load, bff under P3's. */
    final List<String> profiles = new ArrayList<>();

    /** The checkout's latency through the gateway, one run per number of buyers. */
    final List<CheckoutLoad.Result> checkouts = new ArrayList<>();

    final List<String> notes = new ArrayList<>();

    /** Start of a platform: time to all healthy and idle RSS per service (MiB). */
    record Startup(String javaOpts, double seconds, Map<String, Long> idleRssMiB) {

        /** The services the P5 goal was set for (before the shop added three). */
        static final List<String> GOAL_SERVICES = List.of("auth", "member", "bff", "gateway", "web-ui");

        long totalRssMiB() {
            return idleRssMiB.values().stream().mapToLong(Long::longValue).sum();
        }

        /** RSS of {@link #GOAL_SERVICES} together. */
        long goalRssMiB() {
            return GOAL_SERVICES.stream().mapToLong(s -> idleRssMiB.getOrDefault(s, 0L)).sum();
        }

        boolean hasAllGoalServices() {
            return idleRssMiB.keySet().containsAll(GOAL_SERVICES);
        }

    }

    void addThroughput(String path, Wrk.Result result) {
        throughput.computeIfAbsent(path, k -> new ArrayList<>()).add(result);
    }

    void addLatency(String path, Wrk.Result result) {
        latency.computeIfAbsent(path, k -> new ArrayList<>()).add(result);
    }

    void addCpu(String path, double micros) {
        cpuMicrosPerRequest.computeIfAbsent(path, k -> new ArrayList<>()).add(micros);
    }

    double medianRps(String path) {
        List<Wrk.Result> results = throughput.get(path);
        return results == null ? Double.NaN
                : Stats.median(results.stream().map(Wrk.Result::requestsPerSecond).toList());
    }

    double medianLatencyAvg(String path) {
        List<Wrk.Result> results = latency.get(path);
        return results == null ? Double.NaN : Stats.median(results.stream().map(Wrk.Result::latencyAvgMs).toList());
    }

    double ratio(String path, String reference) {
        return medianRps(path) / medianRps(reference);
    }

    /**
     * P3: /api/home's mean latency over the sum of its downstream calls'
     * ({@link #HOME_DOWNSTREAM}).
     */
    double fanOutRatio() {
        return medianLatencyAvg(HOME) / downstreamSumMs();
    }

    double downstreamSumMs() {
        return HOME_DOWNSTREAM.stream().mapToDouble(this::medianLatencyAvg).sum();
    }

    /**
     * P4: the median p99 of the storm runs ÷ the median p99 of the idle runs (the p99 of
     * one short run moves by a third between runs on a busy two-core machine).
     */
    double stormRatio() {
        return jwksStormP99Ms() / jwksIdleP99Ms();
    }

    double jwksIdleP99Ms() {
        return medianP99(jwksIdle);
    }

    double jwksStormP99Ms() {
        return medianP99(jwksStorm);
    }

    private static double medianP99(List<Wrk.Result> runs) {
        return runs.isEmpty() ? Double.NaN : Stats.median(runs.stream().map(Wrk.Result::p99Ms).toList());
    }

}
