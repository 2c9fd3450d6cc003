package com.acme.shop.e2e;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input against every public endpoint of auth, member, gateway, bff and web-ui, on
 * the real servers: about 2,000 seeded malformed requests ({@link FuzzCorpus}) sent as
 * raw HTTP. Each answer must be below 500, carry no stack trace, and be
 * {@code application/problem+json} when an API rejects the request; afterwards the data
 * must be unchanged.
 * <p>
 * {@code -Dfuzz.seed=N} picks the seed (printed on failure), {@code -Dfuzz.cases=N} the
 * number of cases, {@code -Dfuzz.case=I} replays a single case, {@code -Dfuzz.threads=N}
 * the parallelism (4). Runs after the browser suites and before the fault suite: its
 * failed logins and registrations fill the per-address limits of auth, which later suites
 * must not depend on.
 */
@Order(Integer.MAX_VALUE - 1)
@ExtendWith(PlatformExtension.class)
class FuzzIT {

    static final long DEFAULT_SEED = 0x5EED_2026_1202L;

    private static final int TIMEOUT_MS = 20_000;

    private static final int MAX_LISTED = 60;

    private static final int MAX_DETAILED = 4;

    /**
     * Traces of Java exceptions, framework packages and class names: none may reach a
     * client.
     */
    static final Pattern STACK_TRACE = Pattern
        .compile("\\tat |at (?:com|org|java|javax|jdk|reactor|io|tools|sun)\\.[\\w$.]+\\("
                + "|\\b(?:java|javax|jdk)\\.(?:lang|util|io|nio|net)\\.[A-Z]\\w+|\\b[a-z]\\w*(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*(?:Exception|Error)\\b"
                + "|org\\.springframework|reactor\\.core|io\\.netty|tools\\.jackson|com\\.fasterxml|io\\.r2dbc|io\\.lettuce|org\\.postgresql");

    @Test
    void malformedRequestsGetNoServerErrorNoStackTraceAndChangeNoData(E2ePlatform shop) throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("fuzz.cases", 2000);
        int threads = Integer.getInteger("fuzz.threads", 4);
        Integer only = Integer.getInteger("fuzz.case");

        FuzzAccounts accounts = new FuzzAccounts(shop);
        FuzzCorpus corpus = new FuzzCorpus(seed, accounts);
        long membersBefore = shop.api.totalMembers();
        String sentinelBefore = shop.api.member(accounts.sentinelId).body();
        String profileBefore = accounts.userProfile();

        ConcurrentSkipListMap<Integer, String[]> failures = new ConcurrentSkipListMap<>();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = only != null ? only : 0; i < (only != null ? only + 1 : cases); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    FuzzCorpus.Case fuzzCase = corpus.build(index);
                    String[] problem = run(shop, fuzzCase, statuses);
                    if (problem != null) {
                        failures.put(index, problem);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("fuzz: %d cases in %d ms with %d threads (seed %d): statuses %s%n", only != null ? 1 : cases,
                millis, threads, seed, new TreeMap<>(statuses));

        // the data is unchanged: nothing created, the sentinel member and the user's
        // profile byte-identical,
        // and the accounts still work (checked whatever the cases found, so one run
        // reports both)
        List<String> dataChanges = new ArrayList<>();
        long membersAfter = shop.api.totalMembers();
        if (membersAfter != membersBefore) {
            dataChanges.add("the member count changed from " + membersBefore + " to " + membersAfter);
        }
        String sentinelAfter = shop.api.member(accounts.sentinelId).body();
        if (!sentinelAfter.equals(sentinelBefore)) {
            dataChanges
                .add("the sentinel member changed:\n    before " + sentinelBefore + "\n    after  " + sentinelAfter);
        }
        String profileAfter = accounts.userProfile();
        if (!profileAfter.equals(profileBefore)) {
            dataChanges
                .add("the user's profile changed:\n    before " + profileBefore + "\n    after  " + profileAfter);
        }
        for (String[] login : new String[][] { { shop.platform.adminEmail(), shop.platform.adminPassword() },
                { accounts.user.email(), accounts.user.password() } }) {
            try {
                accounts.login(login[0], login[1]);
            }
            catch (AssertionError e) {
                dataChanges.add(login[0] + " can no longer log in: " + e.getMessage());
            }
        }

        assertTrue(failures.isEmpty() && dataChanges.isEmpty(),
                () -> report(failures, cases, seed)
                        + (dataChanges.isEmpty() ? "" : "\nData changed by malformed requests (seed " + seed + "):\n  "
                                + String.join("\n  ", dataChanges)));
    }

    private static String report(Map<Integer, String[]> failures, int cases, long seed) {
        if (failures.isEmpty()) {
            return "every fuzz case passed (seed " + seed + ")";
        }
        StringBuilder out = new StringBuilder().append(failures.size())
            .append(" of ")
            .append(cases)
            .append(" fuzz cases failed (seed ")
            .append(seed)
            .append("; replay one with -Dfuzz.seed=")
            .append(seed)
            .append(" -Dfuzz.case=<index>, see the services' logs with -De2e.logs=true):\n");
        failures.entrySet()
            .stream()
            .limit(MAX_LISTED)
            .forEach(e -> out.append("  case ").append(e.getKey()).append(": ").append(e.getValue()[0]).append('\n'));
        failures.entrySet()
            .stream()
            .limit(MAX_DETAILED)
            .forEach(e -> out.append("\n=== case ")
                .append(e.getKey())
                .append('\n')
                .append(e.getValue()[1])
                .append('\n'));
        return out.toString();
    }

    /**
     * Sends one case; returns {one line, details} of what is wrong with the answer, or
     * null.
     */
    private static String[] run(E2ePlatform shop, FuzzCorpus.Case fuzzCase, Map<String, AtomicInteger> statuses) {
        FuzzRequest request = fuzzCase.request();
        URI base = shop.platform.url(request.service);
        RawHttp.Response response;
        try {
            response = RawHttp.send(base.getHost(), base.getPort(),
                    request.toBytes(base.getHost() + ":" + base.getPort()), TIMEOUT_MS);
        }
        catch (IOException e) {
            return new String[] { line(fuzzCase, "no answer: " + e), request.describe() };
        }
        statuses.computeIfAbsent(request.service + " " + response.status(), k -> new AtomicInteger()).incrementAndGet();
        String wrong = judge(fuzzCase, response);
        return wrong == null ? null : new String[] { line(fuzzCase, response.status() + " " + wrong),
                "--- request\n" + request.describe() + "\n--- response\n" + response.summary(600) };
    }

    private static String line(FuzzCorpus.Case fuzzCase, String what) {
        FuzzRequest request = fuzzCase.request();
        String target = FuzzRequest.escape(request.target);
        return "[" + fuzzCase.endpoint() + "] " + what + " <- " + request.method + " "
                + (target.length() > 120 ? target.substring(0, 120) + "…" : target);
    }

    /**
     * An API call must answer errors as problem+json. Not so a web-ui {@code /api/**}
     * call that a path mutation turned into a page request, nor a request outside
     * {@code /api/} whose Accept names text/html: common's ProblemWebExceptionHandler
     * leaves those to the HTML error handler by design.
     */
    private static boolean isApiCall(FuzzCorpus.Case fuzzCase) {
        if (!fuzzCase.api()) {
            return false;
        }
        FuzzRequest request = fuzzCase.request();
        String target = request.targetText();
        boolean apiPath = target.startsWith("/api/") || target.startsWith("/api?") || target.equals("/api");
        if ("web-ui".equals(request.service)) {
            return apiPath;
        }
        return apiPath || !request.headerValues("Accept").toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    static String judge(FuzzCorpus.Case fuzzCase, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "server error " + response.status();
        }
        String type = response.contentType();
        boolean textual = type.isEmpty() || type.contains("json") || type.contains("html")
                || type.startsWith("text/plain");
        if (textual && STACK_TRACE.matcher(response.bodyText()).find()) {
            return "stack trace or internal class name in the body";
        }
        if (isApiCall(fuzzCase) && response.status() >= 400 && response.body().length > 0
                && !type.startsWith("application/problem+json")) {
            return "an API error that is not application/problem+json";
        }
        if (type.contains("html") && response.bodyText().contains(FuzzCorpus.XSS_MARKER)) {
            return "input echoed unescaped into HTML";
        }
        return null;
    }

}
