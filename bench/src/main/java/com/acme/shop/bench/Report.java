package com.acme.shop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The results as Markdown (printed, and written between the markers of
 * docs/benchmarks.md, so that a regression shows as a diff).
 */
final class Report {

    static final String START = "<!-- bench:results:start (written by bench/run.sh; do not edit) -->";

    static final String END = "<!-- bench:results:end -->";

    /** P5: the five services together, idle. */
    static final long RSS_LIMIT_MIB = 1229;

    static final double STARTUP_LIMIT_SECONDS = 30;

    /** The columns of the memory table: every service of the platform. */
    static final List<String> SERVICES = Bench.SERVICES;

    private Report() {
    }

    static String render(Results r) {
        StringBuilder b = new StringBuilder();
        r.meta.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        b.append('\n');
        b.append("| goal | measured | target | |\n|---|---|---|---|\n");
        double p1 = r.ratio(Results.GATEWAY, Results.DIRECT);
        double nginx = r.ratio(Results.NGINX, Results.DIRECT);
        goal(b, "P1 gateway ÷ direct, `GET /api/members/{id}`", fmt(p1) + " (nginx ÷ direct: " + fmt(nginx) + ")",
                "≥ 0.60", p1 >= 0.60);
        if (r.throughput.containsKey(Results.GATEWAY_BASELINE)) {
            double baseline = r.ratio(Results.GATEWAY_BASELINE, Results.DIRECT);
            b.append("| P1 of the baseline build's gateway (`--baseline-gateway`) | ")
                .append(fmt(baseline))
                .append(" (this build ÷ baseline: ")
                .append(fmt(r.ratio(Results.GATEWAY, Results.GATEWAY_BASELINE)))
                .append(") | | |\n");
        }
        double p2 = r.ratio(Results.GATEWAY, Results.GATEWAY_NO_FILTERS);
        goal(b, "P2 gateway ÷ the same gateway without its filters", fmt(p2), "≥ 0.85", p2 >= 0.85);
        double p3 = r.fanOutRatio();
        goal(b, "P3 `/api/home` ÷ sum of its " + Results.HOME_DOWNSTREAM.size()
                + " downstream calls (mean latency, 1 connection)",
                fmt(p3) + " (" + ms(r.medianLatencyAvg(Results.HOME)) + " ÷ " + ms(r.downstreamSumMs()) + ")", "≤ 0.70",
                p3 <= 0.70);
        double p4 = r.stormRatio();
        String storm = r.jwksIdle.isEmpty() || r.jwksStorm.isEmpty() ? "n/a"
                : fmt(p4) + " (median p99 " + ms(r.jwksStormP99Ms()) + " ÷ " + ms(r.jwksIdleP99Ms()) + " over "
                        + r.jwksStorm.size() + " alternating runs; "
                        + String.format(Locale.ROOT, "%.1f", r.stormLoginsPerSecond) + " logins/s)";
        goal(b, "P4 auth `jwks.json` p99 in a login storm ÷ idle", storm, "≤ 2", p4 <= 2);
        Results.Startup p5 = r.runShStartup != null ? r.runShStartup : r.benchStartup;
        if (p5 != null) {
            String which = r.runShStartup != null ? "`./run.sh` JVM options" : "benchmark JVM options";
            goal(b, "P5 idle RSS of the five services auth, member, bff, gateway, web-ui (" + which + ")",
                    p5.goalRssMiB() + " MiB (all " + p5.idleRssMiB().size() + " services: " + p5.totalRssMiB()
                            + " MiB)",
                    "≤ " + RSS_LIMIT_MIB + " MiB", p5.goalRssMiB() <= RSS_LIMIT_MIB && p5.hasAllGoalServices());
            String when = r.runShStartup != null && r.runShStartup != r.runShFirstStartup
                    ? "start after the first one since the build: class data archives made" : "fresh data directory";
            goal(b, "P5 start to all healthy (" + which + ", " + when + ")",
                    String.format(Locale.ROOT, "%.1f s", p5.seconds()), "≤ 30 s",
                    p5.seconds() <= STARTUP_LIMIT_SECONDS);
        }
        else {
            b.append("| P5 | not measured (running platform) | | |\n");
        }
        b.append('\n');
        b.append("Throughput (P1, P2): req/s of each measured run, in the order they ran\n\n");
        b.append("| path | req/s per run | median | p50 | p99 | CPU per request |\n|---|---|---|---|---|---|\n");
        for (String path : List.of(Results.DIRECT, Results.NGINX, Results.GATEWAY, Results.GATEWAY_NO_FILTERS)) {
            List<Wrk.Result> runs = r.throughput.getOrDefault(path, List.of());
            if (runs.isEmpty()) {
                continue;
            }
            String perRun = runs.stream().map(x -> fmt0(x.requestsPerSecond())).collect(Collectors.joining(", "));
            List<Double> cpu = r.cpuMicrosPerRequest.getOrDefault(path, List.of());
            String cpuText = cpu.isEmpty() ? "" : fmt0(Stats.median(cpu)) + " µs (" + r.cpuOf.get(path) + ")";
            b.append("| ")
                .append(r.labels.getOrDefault(path, path))
                .append(" | ")
                .append(perRun)
                .append(" | ")
                .append(fmt0(r.medianRps(path)))
                .append(" | ")
                .append(ms(Stats.median(runs.stream().map(Wrk.Result::p50Ms).toList())))
                .append(" | ")
                .append(ms(Stats.median(runs.stream().map(Wrk.Result::p99Ms).toList())))
                .append(" | ")
                .append(cpuText)
                .append(" |\n");
        }
        b.append('\n');
        b.append("Latency (P3): one connection, mean per run\n\n");
        b.append("| call | mean per run | median | p99 |\n|---|---|---|---|\n");
        List<String> p3Paths = new ArrayList<>();
        p3Paths.add(Results.HOME);
        p3Paths.addAll(Results.HOME_DOWNSTREAM);
        p3Paths.add(Results.HOME_VIA_GATEWAY);
        for (String path : p3Paths) {
            List<Wrk.Result> runs = r.latency.getOrDefault(path, List.of());
            if (runs.isEmpty()) {
                continue;
            }
            b.append("| ")
                .append(r.labels.getOrDefault(path, path))
                .append(" | ")
                .append(runs.stream().map(x -> ms(x.latencyAvgMs())).collect(Collectors.joining(", ")))
                .append(" | ")
                .append(ms(r.medianLatencyAvg(path)))
                .append(" | ")
                .append(ms(Stats.median(runs.stream().map(Wrk.Result::p99Ms).toList())))
                .append(" |\n");
        }
        if (!r.jwksIdle.isEmpty() && !r.jwksStorm.isEmpty()) {
            b.append('\n');
            b.append("P4: `GET /.well-known/jwks.json` on auth, one connection, idle and login storm alternating\n\n");
            b.append("| | req/s | p50 | p90 | p99 |\n|---|---|---|---|---|\n");
            for (int i = 0; i < Math.max(r.jwksIdle.size(), r.jwksStorm.size()); i++) {
                if (i < r.jwksIdle.size()) {
                    jwks(b, "idle, run " + (i + 1), r.jwksIdle.get(i));
                }
                if (i < r.jwksStorm.size()) {
                    jwks(b, "login storm, run " + (i + 1), r.jwksStorm.get(i));
                }
            }
            b.append("\nLogin storm answers by status: ").append(r.stormStatuses).append('\n');
        }
        b.append('\n');
        if (!r.checkouts.isEmpty()) {
            b.append(
                    "Checkout through the gateway (issue 11): `POST /api/orders` with the 4242 card, a new key and one ")
                .append("item in the cart each time; only the checkout is timed\n\n");
            b.append(
                    "| buyers at once | checkouts | per second | p50 | p90 | p99 | answers |\n|---|---|---|---|---|---|---|\n");
            for (CheckoutLoad.Result c : r.checkouts) {
                b.append("| ")
                    .append(c.buyers())
                    .append(" | ")
                    .append(c.millis().size())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", c.perSecond()))
                    .append(" | ")
                    .append(ms(c.percentile(50)))
                    .append(" | ")
                    .append(ms(c.percentile(90)))
                    .append(" | ")
                    .append(ms(c.percentile(99)))
                    .append(" | ")
                    .append(c.statuses())
                    .append(" |\n");
            }
            b.append('\n');
        }
        b.append("Memory and start-up (P5)\n\n");
        b.append("| | start to healthy |");
        SERVICES.forEach(service -> b.append(' ').append(service).append(" |"));
        b.append(" total |\n|---|---|");
        SERVICES.forEach(service -> b.append("---|"));
        b.append("---|\n");
        if (r.runShFirstStartup != null && r.runShFirstStartup != r.runShStartup) {
            startup(b, "`./run.sh` options, first start after a build (fresh data directory), idle",
                    r.runShFirstStartup);
            startup(b, "`./run.sh` options, next start (class data archives), idle", r.runShStartup);
        }
        else if (r.runShArchivesReused) {
            startup(b, "`./run.sh` options, next start (class data archives of an earlier run of this build), idle",
                    r.runShStartup);
        }
        else {
            startup(b, "`./run.sh` options, idle", r.runShStartup);
        }
        startup(b, "benchmark options, idle", r.benchStartup);
        if (!r.rssAfterLoadMiB.isEmpty()) {
            b.append("| benchmark options, after the load | |");
            for (String s : SERVICES) {
                Long v = r.rssAfterLoadMiB.get(s);
                b.append(' ').append(v == null ? "" : v + " MiB").append(" |");
            }
            b.append(' ')
                .append(r.rssAfterLoadMiB.values().stream().mapToLong(Long::longValue).sum())
                .append(" MiB |\n");
        }
        if (!r.gatewayThreadCpuMillis.isEmpty() && r.gatewayThreadCpuRequests > 0) {
            b.append('\n');
            b.append("Gateway CPU per proxied request by thread (measured gateway runs, filters on)\n\n");
            b.append("| threads | µs per request |\n|---|---|\n");
            r.gatewayThreadCpuMillis.entrySet()
                .stream()
                .limit(8)
                .forEach(e -> b.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(fmt0(e.getValue() * 1000.0 / r.gatewayThreadCpuRequests))
                    .append(" |\n"));
        }
        b.append('\n');
        b.append("Warm-up: ")
            .append(fmt0(r.warmupSeconds))
            .append(" s, ")
            .append(r.warmupStable ? "stable" : "NOT stable (the warm-up limit ended it)")
            .append("; req/s per warm-up run:\n\n");
        r.warmup.forEach((path, series) -> b.append("- ")
            .append(r.labels.getOrDefault(path, path))
            .append(": ")
            .append(series.stream().map(Report::fmt0).collect(Collectors.joining(", ")))
            .append('\n'));
        if (!r.notes.isEmpty()) {
            b.append('\n');
            r.notes.forEach(n -> b.append("Note: ").append(n).append('\n'));
        }
        return b.toString();
    }

    private static void goal(StringBuilder b, String name, String measured, String target, boolean met) {
        b.append("| ").append(name).append(" | ").append(measured).append(" | ").append(target).append(" | ");
        b.append(met ? "met" : "**not met**").append(" |\n");
    }

    private static void jwks(StringBuilder b, String name, Wrk.Result r) {
        b.append("| ")
            .append(name)
            .append(" | ")
            .append(fmt0(r.requestsPerSecond()))
            .append(" | ")
            .append(ms(r.p50Ms()))
            .append(" | ")
            .append(ms(r.p90Ms()))
            .append(" | ")
            .append(ms(r.p99Ms()))
            .append(" |\n");
    }

    private static void startup(StringBuilder b, String name, Results.Startup s) {
        if (s == null) {
            return;
        }
        b.append("| ")
            .append(name)
            .append(" | ")
            .append(String.format(Locale.ROOT, "%.1f s", s.seconds()))
            .append(" |");
        for (String service : SERVICES) {
            Long v = s.idleRssMiB().get(service);
            b.append(' ').append(v == null ? "" : v + " MiB").append(" |");
        }
        b.append(' ').append(s.totalRssMiB()).append(" MiB |\n");
    }

    /** Replaces what is between the markers (or appends the markers) in {@code doc}. */
    static void write(Path doc, String results) {
        try {
            String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n\n";
            Files.writeString(doc, replaceResults(text, results));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not write " + doc, e);
        }
    }

    static String replaceResults(String text, String results) {
        String block = START + "\n" + results.strip() + "\n" + END;
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start >= 0 && end > start) {
            return text.substring(0, start) + block + text.substring(end + END.length());
        }
        return text.stripTrailing() + "\n\n" + block + "\n";
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String fmt0(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f ms", v);
    }

    static String mib(Map<String, Long> rss) {
        return rss.toString();
    }

}
