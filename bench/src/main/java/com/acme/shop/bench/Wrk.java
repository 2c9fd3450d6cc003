package com.acme.shop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wrk} (Debian package {@code wrk}) against one URL and parses its report.
 * Only loopback URLs are accepted.
 */
final class Wrk {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

    private static final Pattern SOCKET_ERRORS = Pattern
        .compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private static final Pattern LATENCY_AVG = Pattern.compile("^\\s*Latency\\s+([0-9.]+)(us|ms|s|m)\\b",
            Pattern.MULTILINE);

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)%\\s+([0-9.]+)(us|ms|s|m)\\b",
            Pattern.MULTILINE);

    private final String executable;

    Wrk(String executable) {
        this.executable = executable;
    }

    /** One load run: {@code threads} threads, {@code connections} connections. */
    record Load(int threads, int connections, Duration duration) {

        Load {
            if (connections < threads) {
                threads = connections;
            }
        }

        Load withDuration(Duration d) {
            return new Load(threads, connections, d);
        }
    }

    /** What wrk reported; latencies in milliseconds (NaN when not printed). */
    record Result(long requests, double seconds, double requestsPerSecond, long non2xx, long socketErrors,
            double latencyAvgMs, double p50Ms, double p90Ms, double p99Ms) {

        boolean clean() {
            return non2xx == 0 && socketErrors == 0 && requests > 0;
        }

    }

    Result run(String url, Load load, List<String> headers) {
        Urls.requireLoopback(url);
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.add("-t" + load.threads());
        command.add("-c" + load.connections());
        command.add("-d" + Math.max(1, load.duration().toSeconds()) + "s");
        command.add("--timeout");
        command.add("5s");
        command.add("--latency");
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException("wrk exited with " + code + ": " + output);
            }
            return parse(output);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not run " + executable, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Result parse(String output) {
        Matcher requests = REQUESTS.matcher(output);
        Matcher rps = RPS.matcher(output);
        if (!requests.find() || !rps.find()) {
            throw new IllegalArgumentException("not a wrk report:\n" + output);
        }
        long count = Long.parseLong(requests.group(1));
        double seconds = toMillis(requests.group(2), requests.group(3)) / 1000.0;
        Matcher non2xx = NON_2XX.matcher(output);
        long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        long errors = 0;
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        Matcher avg = LATENCY_AVG.matcher(output);
        double latencyAvg = avg.find() ? toMillis(avg.group(1), avg.group(2)) : Double.NaN;
        double p50 = Double.NaN;
        double p90 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double value = toMillis(percentile.group(2), percentile.group(3));
            switch (percentile.group(1)) {
                case "50" -> p50 = value;
                case "90" -> p90 = value;
                case "99" -> p99 = value;
                default -> {
                }
            }
        }
        return new Result(count, seconds, Double.parseDouble(rps.group(1)), bad, errors, latencyAvg, p50, p90, p99);
    }

    static double toMillis(String number, String unit) {
        double value = Double.parseDouble(number);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000.0;
            case "ms" -> value;
            case "s" -> value * 1000.0;
            case "m" -> value * 60_000.0;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

}
