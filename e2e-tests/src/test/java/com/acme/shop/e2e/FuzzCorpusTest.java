package com.acme.shop.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator alone (no servers): replayable, covering, and never a valid write. */
class FuzzCorpusTest {

    private static final FuzzCorpus.Identities IDS = new FuzzCorpus.Identities() {
        public String adminToken() {
            return "admin.token.x";
        }

        public String userToken() {
            return "user.token.x";
        }

        public String victimToken() {
            return "victim.token.x";
        }

        public String webCookie() {
            return "web-cookie";
        }

        public String webCsrf() {
            return "bG13TE9kTlhDb0xrenZmdEliTEVmMjFPU0xlbGl2cXZpNXh5SG00b0RmaGhuZ3Za";
        }

        public String anonymousCookie() {
            return "anon-cookie";
        }

        public String anonymousCsrf() {
            return "YW5vbnltb3VzLWNzcmYtdG9rZW4tdmFsdWUtZm9yLXRlc3Rz";
        }

        public String cookieName() {
            return "SID";
        }

        public String sentinelId() {
            return "11111111-2222-4333-8444-555555555555";
        }

        public String sentinelEtag() {
            return "W/\"0\"";
        }
    };

    @Test
    void regeneratesEveryCaseByteForByteFromSeedAndIndex() {
        FuzzCorpus first = new FuzzCorpus(42, IDS);
        FuzzCorpus second = new FuzzCorpus(42, IDS);
        for (int i = 0; i < 500; i++) {
            assertArrayEquals(first.build(i).request().toBytes("h:1"), second.build(i).request().toBytes("h:1"),
                    "case " + i);
        }
        // and a single case alone equals the same case generated in sequence
        assertArrayEquals(first.build(377).request().toBytes("h:1"),
                new FuzzCorpus(42, IDS).build(377).request().toBytes("h:1"));
    }

    @Test
    void differentSeedsGiveDifferentCorpora() {
        int same = 0;
        for (int i = 0; i < 200; i++) {
            if (java.util.Arrays.equals(new FuzzCorpus(1, IDS).build(i).request().toBytes("h:1"),
                    new FuzzCorpus(2, IDS).build(i).request().toBytes("h:1"))) {
                same++;
            }
        }
        assertTrue(same < 20, same + " of 200 cases equal across seeds");
    }

    @Test
    void twoThousandCasesReachEveryEndpointOfEveryService() {
        FuzzCorpus corpus = new FuzzCorpus(FuzzIT.DEFAULT_SEED, IDS);
        Set<String> endpoints = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        for (int i = 0; i < 2000; i++) {
            FuzzCorpus.Case fuzzCase = corpus.build(i);
            endpoints.add(fuzzCase.endpoint());
            services.add(fuzzCase.request().service);
        }
        assertEquals(Set.of("auth", "bff", "gateway", "member", "web-ui"), services);
        assertEquals(corpus.endpointCount(), endpoints.size(), () -> "endpoints reached: " + endpoints);
    }

    @Test
    void neverSendsTheSessionsValidCsrfTokenToLogout() {
        FuzzCorpus corpus = new FuzzCorpus(FuzzIT.DEFAULT_SEED, IDS);
        for (int i = 0; i < 5000; i++) {
            FuzzCorpus.Case fuzzCase = corpus.build(i);
            if (fuzzCase.endpoint().equals("web-ui POST /logout")) {
                String request = new String(fuzzCase.request().toBytes("h:1"), StandardCharsets.ISO_8859_1);
                assertFalse(request.contains(IDS.webCsrf()), request);
            }
        }
    }

    @Test
    void judgesServerErrorsStackTracesAndNonProblemApiErrors() {
        FuzzCorpus.Case api = new FuzzCorpus.Case(0, new FuzzRequest("member", "GET", "/api/members"), true,
                "member GET");
        assertNull(FuzzIT.judge(api, response(400, "application/problem+json", "{\"status\":400}")));
        assertNull(FuzzIT.judge(api, response(431, "", "")));
        assertTrue(FuzzIT.judge(api, response(502, "application/problem+json", "{}")).startsWith("server error"));
        assertTrue(FuzzIT.judge(api, response(400, "text/plain", "bad")).contains("problem+json"));
        assertTrue(
                FuzzIT
                    .judge(api,
                            response(400, "application/problem+json",
                                    "{\"detail\":\"java.lang.IllegalArgumentException: x\"}"))
                    .contains("stack trace"));
        assertTrue(FuzzIT
            .judge(api,
                    response(400, "application/problem+json",
                            "{\"detail\":\"\\tat com.acme.shop.member.Ids.require(Ids.java:12)\"}"))
            .contains("stack trace"));
        FuzzCorpus.Case page = new FuzzCorpus.Case(0, new FuzzRequest("web-ui", "GET", "/members"), false,
                "web-ui GET");
        assertNull(FuzzIT.judge(page, response(404, "text/html", "<h1>Not found</h1>")));
        assertTrue(FuzzIT.judge(page, response(200, "text/html", "<p>" + FuzzCorpus.XSS_MARKER + "</p>"))
            .contains("unescaped"));
    }

    private static RawHttp.Response response(int status, String contentType, String body) {
        return RawHttp.parse(("HTTP/1.1 " + status + " X\r\n"
                + (contentType.isEmpty() ? "" : "Content-Type: " + contentType + "\r\n") + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
            .getBytes(StandardCharsets.UTF_8));
    }

}
