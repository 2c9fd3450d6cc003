package com.acme.shop.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WrkTest {

    static final String REPORT = """
            Running 1s test @ http://127.0.0.1:18765/api/members/1
              1 threads and 2 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     7.62ms   14.14ms  92.73ms   91.70%
                Req/Sec   575.20    235.91     1.02k    60.00%
              Latency Distribution
                 50%  812.00us
                 75%    7.06ms
                 90%   18.51ms
                 99%    1.02s
              592 requests in 1.07s, 300.62KB read
            Requests/sec:    553.16
            Transfer/sec:    280.90KB
            """;

    @Test
    void readsThroughputLatenciesAndCounts() {
        Wrk.Result r = Wrk.parse(REPORT);
        assertEquals(592, r.requests());
        assertEquals(1.07, r.seconds(), 1e-9);
        assertEquals(553.16, r.requestsPerSecond(), 1e-9);
        assertEquals(7.62, r.latencyAvgMs(), 1e-9);
        assertEquals(0.812, r.p50Ms(), 1e-9);
        assertEquals(18.51, r.p90Ms(), 1e-9);
        assertEquals(1020, r.p99Ms(), 1e-9);
        assertEquals(0, r.non2xx());
        assertTrue(r.clean());
    }

    @Test
    void aRunWithNon2xxAnswersOrSocketErrorsIsNotClean() {
        Wrk.Result bad = Wrk.parse(REPORT.replace("Requests/sec", "  Non-2xx or 3xx responses: 12\nRequests/sec"));
        assertEquals(12, bad.non2xx());
        assertFalse(bad.clean());
        Wrk.Result errors = Wrk.parse(
                REPORT.replace("Requests/sec", "  Socket errors: connect 0, read 1, write 0, timeout 3\nRequests/sec"));
        assertEquals(4, errors.socketErrors());
        assertFalse(errors.clean());
        Wrk.Result none = Wrk.parse(REPORT.replace("592 requests", "0 requests"));
        assertFalse(none.clean());
    }

    @Test
    void refusesWhatIsNotAWrkReport() {
        assertThrows(IllegalArgumentException.class, () -> Wrk.parse("unable to connect to 127.0.0.1:1"));
    }

    @Test
    void refusesNonLoopbackUrls() {
        Wrk wrk = new Wrk("/bin/false");
        assertThrows(IllegalArgumentException.class, () -> wrk.run("http://example.com/",
                new Wrk.Load(1, 1, java.time.Duration.ofSeconds(1)), java.util.List.of()));
    }

    @Test
    void convertsUnits() {
        assertEquals(0.5, Wrk.toMillis("500", "us"), 1e-9);
        assertEquals(2000, Wrk.toMillis("2", "s"), 1e-9);
        assertEquals(60000, Wrk.toMillis("1", "m"), 1e-9);
    }

}
