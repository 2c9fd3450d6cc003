package com.acme.shop.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    @Test
    void replacesOnlyTheResultsBetweenTheMarkers() {
        String doc = "# Benchmarks\n\nintro\n\n" + Report.START + "\nold\n" + Report.END + "\n\n## Notes\nkept\n";
        String updated = Report.replaceResults(doc, "new table\n");
        assertEquals("# Benchmarks\n\nintro\n\n" + Report.START + "\nnew table\n" + Report.END + "\n\n## Notes\nkept\n",
                updated);
    }

    @Test
    void appendsTheMarkersToADocumentWithoutThem() {
        String updated = Report.replaceResults("# Benchmarks\n", "table");
        assertEquals("# Benchmarks\n\n" + Report.START + "\ntable\n" + Report.END + "\n", updated);
    }

    @Test
    void rendersRatiosOfMediansAndTheGoals() {
        Results r = new Results();
        r.meta.put("commit", "abc1234");
        r.addThroughput(Results.DIRECT, result(1000));
        r.addThroughput(Results.DIRECT, result(1200));
        r.addThroughput(Results.DIRECT, result(1100));
        r.addThroughput(Results.NGINX, result(900));
        r.addThroughput(Results.GATEWAY, result(660));
        r.addThroughput(Results.GATEWAY_NO_FILTERS, result(700));
        r.addLatency(Results.HOME, latency(2.0));
        r.addLatency(Results.VERIFY, latency(1.0));
        r.addLatency(Results.ME, latency(1.0));
        r.addLatency(Results.NEWEST, latency(1.5));
        r.addLatency(Results.PRODUCTS, latency(1.0));
        r.addLatency(Results.ORDERS, latency(1.5));
        r.runShStartup = new Results.Startup("x", 25.0, Map.of("auth", 250L, "member", 250L, "bff", 220L, "gateway",
                250L, "web-ui", 240L, "product", 260L, "order", 260L, "payment", 255L));
        String text = Report.render(r);
        assertTrue(text.contains(
                "| P1 gateway ÷ direct, `GET /api/members/{id}` | 0.60 (nginx ÷ direct: 0.82) | ≥ 0.60 | met |"), text);
        assertTrue(text.contains("| 0.94 | ≥ 0.85 | met |"), text);
        assertTrue(text.contains(
                "P3 `/api/home` ÷ sum of its 5 downstream calls (mean latency, 1 connection) | 0.33 (2.00 ms ÷ 6.00 ms)"),
                text);
        // the goal counts the five services it was set for; the shop's three are shown
        // beside it
        assertTrue(text.contains("| 1210 MiB (all 8 services: 1985 MiB) | ≤ 1229 MiB | met |"), text);
        assertTrue(
                text.contains("| `./run.sh` options, idle | 25.0 s | 250 MiB | 250 MiB | 220 MiB | 250 MiB | 240 MiB | "
                        + "260 MiB | 260 MiB | 255 MiB | 1985 MiB |"),
                text);
        // every call the ratio sums is in the latency table
        for (String path : Results.HOME_DOWNSTREAM) {
            assertTrue(text.contains("| " + path + " | "), path + " missing from\n" + text);
        }
        assertTrue(text.contains("- commit: abc1234"), text);
        assertFalse(text.contains("baseline"), text);
    }

    @Test
    void p5WithTheArchivesOfAnEarlierRunShowsOnlyTheNextStart() {
        Results r = new Results();
        Map<String, Long> rss = Map.of("auth", 200L, "member", 200L, "bff", 200L, "gateway", 200L, "web-ui", 200L);
        r.runShStartup = new Results.Startup("next", 23.0, rss);
        r.runShArchivesReused = true;
        String text = Report.render(r);
        assertTrue(text.contains("| P5 start to all healthy (`./run.sh` JVM options, start after the first one since "
                + "the build: class data archives made) | 23.0 s | ≤ 30 s | met |"), text);
        assertTrue(text.contains(
                "| `./run.sh` options, next start (class data archives of an earlier run of this build), idle | 23.0 s |"),
                text);
        assertFalse(text.contains("first start after a build"), text);
    }

    @Test
    void p5IsTheStartWithClassDataArchivesAndTheFirstStartIsShownBesideIt() {
        Results r = new Results();
        Map<String, Long> rss = Map.of("auth", 200L, "member", 200L, "bff", 200L, "gateway", 200L, "web-ui", 200L);
        r.runShFirstStartup = new Results.Startup("first", 42.0, rss);
        r.runShStartup = new Results.Startup("next", 24.0, rss);
        String text = Report.render(r);
        assertTrue(text.contains("| P5 start to all healthy (`./run.sh` JVM options, start after the first one since "
                + "the build: class data archives made) | 24.0 s | ≤ 30 s | met |"), text);
        assertTrue(
                text.contains(
                        "| `./run.sh` options, first start after a build (fresh data directory), idle | 42.0 s |"),
                text);
        assertTrue(text.contains("| `./run.sh` options, next start (class data archives), idle | 24.0 s |"), text);
    }

    @Test
    void showsTheBaselineBuildBesideThisOne() {
        Results r = new Results();
        r.addThroughput(Results.DIRECT, result(1000));
        r.addThroughput(Results.GATEWAY, result(600));
        r.addThroughput(Results.GATEWAY_BASELINE, result(200));
        String text = Report.render(r);
        assertTrue(text.contains("| P1 of the baseline build's gateway (`--baseline-gateway`) | 0.20 (this build ÷ "
                + "baseline: 3.00) | | |"), text);
    }

    @Test
    void p4IsTheMedianStormP99OverTheMedianIdleP99OfTheAlternatingRuns() {
        Results r = new Results();
        r.jwksIdle.addAll(List.of(p99(2.0), p99(3.0), p99(2.5)));
        r.jwksStorm.addAll(List.of(p99(4.0), p99(9.0), p99(4.5)));
        r.stormLoginsPerSecond = 3.5;

        String text = Report.render(r);

        // 4.50 ÷ 2.50: one noisy run (9 ms, or an idle 3 ms) does not decide it
        assertTrue(
                text.contains("| P4 auth `jwks.json` p99 in a login storm ÷ idle | 1.80 (median p99 4.50 ms ÷ 2.50 ms"
                        + " over 3 alternating runs; 3.5 logins/s) | ≤ 2 | met |"),
                text);
        assertTrue(text.contains("| idle, run 2 |"), text);
        assertTrue(text.contains("| login storm, run 3 |"), text);
    }

    @Test
    void showsTheCheckoutLatencyPerNumberOfBuyers() {
        Results r = new Results();
        r.checkouts.add(new CheckoutLoad.Result(1, List.of(40.0, 50.0, 60.0, 200.0), Map.of(201, 4L), 2.0));
        String text = Report.render(r);
        assertTrue(text.contains("| buyers at once | checkouts | per second | p50 | p90 | p99 | answers |"), text);
        assertTrue(text.contains("| 1 | 4 | 2.0 | 50.00 ms | 200.00 ms | 200.00 ms | {201=4} |"), text);
    }

    @Test
    void leavesTheCheckoutOutWhenItWasNotMeasured() {
        assertFalse(Report.render(new Results()).contains("Checkout through the gateway"));
    }

    private static Wrk.Result result(double rps) {
        return new Wrk.Result((long) (rps * 10), 10, rps, 0, 0, 1, 1, 2, 3);
    }

    private static Wrk.Result p99(double p99Ms) {
        return new Wrk.Result(5000, 5, 1000, 0, 0, 0.2, 0.15, 0.25, p99Ms);
    }

    private static Wrk.Result latency(double avgMs) {
        return new Wrk.Result(1000, 5, 1000 / avgMs, 0, 0, avgMs, avgMs, avgMs, avgMs * 2);
    }

}
