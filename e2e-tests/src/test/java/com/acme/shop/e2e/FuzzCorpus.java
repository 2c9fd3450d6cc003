package com.acme.shop.e2e;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The seeded generator of malformed requests. Case {@code i} of seed {@code s} is built
 * from its own {@code Random(mix(s, i))}, so one case can be regenerated alone:
 * {@code -Dfuzz.seed=s} and the index in the failure message.
 * <p>
 * Every request that could change data is <em>poisoned</em> twice (two independently
 * invalid fields, e.g. an invalid email and a too-short password) and each mutation
 * touches at most one field, so no generated request is a valid create, update,
 * registration or password change; deletes only ever name ids that do not exist. A server
 * that accepts one of them anyway changed data on malformed input, which the suite's
 * "data unchanged" check reports.
 */
final class FuzzCorpus {

    /** The credentials and ids the generator puts into well-formed parts of a request. */
    interface Identities {

        String adminToken();

        String userToken();

        /**
         * A fresh access token of a throw-away account, for logout (which denylists it)
         * and password changes.
         */
        String victimToken();

        String webCookie();

        String webCsrf();

        String anonymousCookie();

        String anonymousCsrf();

        String cookieName();

        String sentinelId();

        String sentinelEtag();

    }

    /**
     * One generated case: the request, and whether it is an API call (errors must be
     * problem+json).
     */
    record Case(int index, FuzzRequest request, boolean api, String endpoint) {
    }

    private record Endpoint(String name, int weight, boolean api, BiFunction<Random, Identities, FuzzRequest> base) {
    }

    static final String XSS_MARKER = "<script>fuzz()</script>";

    private static final String[] ODD_STRINGS = { "", " ", "\u0000", "a\u0000b", "\u0001\u0002\u001f\u007f", "\t\r\n",
            "\u202e\u200b\ufeff", "😀🇩🇪", "\uFFFF", "%", "_", "\\", "%00", "%2e%2e/", "' OR '1'='1",
            "\"; DROP TABLE members; --", XSS_MARKER, "${7*7}", "__${7*7}__", "{{7*7}}", "../../etc/passwd",
            "a".repeat(101), "a".repeat(300), "é".repeat(5000), "x".repeat(70_000), "null", "true", "0", "-1",
            "1e999999", "NaN", "x@y", "@", "a@@b.example", "fuzz\u0000@fuzz.invalid", "x".repeat(300) + "@fuzz.invalid",
            "Ａｄｍｉｎ", "admin@shop.local\u0000", };

    private static final String[] ODD_RAW_JSON = { "0", "-1", "-0", "1.5", "1e999999", "-1e999999",
            "1" + "0".repeat(400), "0x10", "NaN", "Infinity", "true", "false", "null", "[]", "{}", "[1,2,3]",
            "{\"a\":{\"b\":[null]}}", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\x41\"", "\"\\u12\"",
            "'single'", "undefined", "\"" + "\\\\".repeat(5000) + "\"", };

    private static final String[] ODD_IDS = { "not-a-uuid", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "{00000000-0000-0000-0000-000000000000}", "0", "-1",
            "99999999999999999999999", "1e9", "%00", "%20", "%0A", "%C3%28", "%ff", "%", "%zz", "..", "%2e%2e", "%2e",
            ".", "me%2F", "ME", "me;x=1", "' OR 1=1 --", "a".repeat(2000), "%E2%80%AE", "null", "undefined",
            "%252e%252e", "x%2Fy", };

    private static final byte[][] INVALID_UTF8 = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0xFE, (byte) 0xFF },
            { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
            { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 },
            { (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, };

    private static final String[] ODD_CONTENT_TYPES = { "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
            "application/json; charset=ebcdic", "application/json; charset=", "application/json;;;",
            "application/json; charset=utf-16", "application/json; charset=\"utf-8", "*/*", "application/*", "json", "",
            ";", "application/json\u0000", "application/problem+json", "application/merge-patch+json",
            "application/vnd.api+json", "text/html; charset=utf-8", "application/json; boundary=" + "x".repeat(5000),
            "APPLICATION/JSON", };

    private static final String[] ODD_AUTHORIZATION = { "", "Bearer", "Bearer ", "Bearer  ", "bearer x", "BEARER x.y.z",
            "Basic YWRtaW46YWRtaW4=", "Basic", "Digest username=\"x\"", "Bearer x.y.z", "Bearer ...", "Bearer a.b",
            "Bearer " + "a".repeat(10_000), "Bearer eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4In0.",
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "Bearer eyJ%%%.eyJ%%%.sig",
            "Bearer \u00e9\u00e9\u00e9", "Bearer 😀", "Bearer =====", "Token abc",
            "Bearer eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLy4uL2V0Yy9wYXNzd2QifQ.e30.AAAA", "Negotiate YIIB", };

    private static final String[] ODD_IDEMPOTENCY_KEYS = { "", " ", "\"\"", "a b", "a".repeat(256), "a".repeat(255),
            "a".repeat(10_000), "key\u0001", "ключ", "\"quoted-key\"", "\"unterminated", "*", "a,b", ";", "key;param=1",
            "%41", "../../x", "😀", "0b6d8c52-3c1e-4b4e-9a57-8f1e2d3c4b5a", ":", "-", "_._", };

    private static final String[] ODD_IF_MATCH = { "*", "W/\"1\"", "\"1\"", "1", "\"\"", "\"", "\"a\", \"b\"", "W/",
            "\"" + "9".repeat(400) + "\"", "\"-1\"", "\"x\u0001\"", "garbage", "*, \"1\"",
            "\"" + "a".repeat(10_000) + "\"", "W/\"\\\"\"", };

    private static final String[] ODD_ACCEPT = { "application/xml", "text/html", "*/*;q=abc", "application/json;q=0",
            "image/png", "", "garbage", "text/event-stream", "application/*+json",
            "*/*; q=0.5, application/problem+json", };

    private final long seed;

    private final Identities ids;

    private final List<Endpoint> endpoints = new ArrayList<>();

    private final int totalWeight;

    FuzzCorpus(long seed, Identities ids) {
        this.seed = seed;
        this.ids = ids;
        authEndpoints("auth");
        authEndpoints("gateway");
        memberEndpoints("member");
        memberEndpoints("gateway");
        bffEndpoints("bff");
        bffEndpoints("gateway");
        webEndpoints();
        totalWeight = endpoints.stream().mapToInt(Endpoint::weight).sum();
    }

    /**
     * How many endpoints the corpus targets (each service's, and the gateway's copies).
     */
    int endpointCount() {
        return endpoints.size();
    }

    static long mix(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    Case build(int index) {
        Random random = new Random(mix(seed, index));
        int pick = random.nextInt(totalWeight);
        Endpoint endpoint = endpoints.get(0);
        for (Endpoint candidate : endpoints) {
            pick -= candidate.weight();
            if (pick < 0) {
                endpoint = candidate;
                break;
            }
        }
        FuzzRequest request = endpoint.base().apply(random, ids);
        int headerMutations = random.nextInt(10) < 5 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < headerMutations; i++) {
            mutateHeaders(random, request);
        }
        if (random.nextInt(100) < 18) {
            request.target = mutatePath(random, request.target);
        }
        return new Case(index, request, endpoint.api(), endpoint.name());
    }

    // ---------------------------------------------------------------- endpoints

    private void add(String name, int weight, boolean api, BiFunction<Random, Identities, FuzzRequest> base) {
        endpoints.add(new Endpoint(name, weight, api, base));
    }

    private void authEndpoints(String service) {
        String at = service + " ";
        add(at + "POST /api/auth/register", 40, true,
                (r, id) -> json(r, service, "POST", "/api/auth/register", null, poisonedRegistration(r)));
        add(at + "POST /api/auth/login", 30, true, (r, id) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", "fuzz-" + Long.toHexString(r.nextLong()) + "@fuzz.invalid");
            // mostly poisoned (blank password: 400, never counted as a failed login); a
            // few reach the password check
            body.put("password", r.nextInt(100) < 30 ? "wrong password " + r.nextInt(1000) : "");
            return json(r, service, "POST", "/api/auth/login", null, body);
        });
        add(at + "POST /api/auth/refresh", 25, true, (r, id) -> json(r, service, "POST", "/api/auth/refresh", null,
                Map.of("refresh_token", randomToken(r))));
        add(at + "POST /api/auth/logout", 20, true, (r, id) -> json(r, service, "POST", "/api/auth/logout",
                r.nextBoolean() ? id.victimToken() : null, Map.of("refresh_token", randomToken(r))));
        add(at + "GET /api/auth/verify", 20, true, (r, id) -> bare(r, service, "GET", "/api/auth/verify",
                r.nextInt(4) == 0 ? id.adminToken() : id.userToken()));
        add(at + "GET /.well-known/jwks.json", 10, true, (r, id) -> bare(r, service, "GET",
                "/.well-known/jwks.json" + (r.nextBoolean() ? "" : "?" + oddQuery(r)), null));
        add(at + "GET /api/auth/health", 5, true, (r, id) -> bare(r, service, "GET", "/api/auth/health", null));
        add(at + "POST /api/auth/admin/unlock", 15, true,
                (r, id) -> json(r, service, "POST", "/api/auth/admin/unlock",
                        r.nextInt(3) == 0 ? id.userToken() : id.adminToken(),
                        Map.of("email", "fuzz-" + Long.toHexString(r.nextLong()) + "@fuzz.invalid")));
        add(at + "POST /api/auth/password", 15, true, (r, id) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            // never the real current password; mostly blank (400 before any password
            // check)
            body.put("current_password", r.nextInt(100) < 20 ? "not the current password" : "");
            body.put("new_password", r.nextBoolean() ? "" : "short");
            return json(r, service, "POST", "/api/auth/password", id.victimToken(), body);
        });
    }

    private void memberEndpoints(String service) {
        String at = service + " ";
        add(at + "GET /api/members", 45, true, (r, id) -> bare(r, service, "GET", "/api/members" + listQuery(r),
                r.nextInt(5) == 0 ? id.userToken() : id.adminToken()));
        add(at + "GET /api/members/{id}", 30, true, (r, id) -> bare(r, service, "GET", "/api/members/" + anyId(r, id),
                r.nextInt(5) == 0 ? id.userToken() : id.adminToken()));
        add(at + "PUT /api/members/{id}", 35, true, (r, id) -> {
            FuzzRequest request = json(r, service, "PUT",
                    "/api/members/" + (r.nextBoolean() ? id.sentinelId() : anyId(r, id)),
                    r.nextInt(5) == 0 ? id.userToken() : id.adminToken(), poisonedMember(r, true));
            if (r.nextBoolean()) {
                request.header("If-Match", r.nextBoolean() ? id.sentinelEtag() : pick(r, ODD_IF_MATCH));
            }
            return request;
        });
        add(at + "DELETE /api/members/{id}", 20, true, (r, id) -> bare(r, service, "DELETE",
                "/api/members/" + absentId(r), r.nextInt(5) == 0 ? id.userToken() : id.adminToken()));
        add(at + "POST /api/members", 35, true, (r, id) -> json(r, service, "POST", "/api/members",
                r.nextInt(5) == 0 ? id.userToken() : id.adminToken(), poisonedMember(r, true)));
        add(at + "GET /api/members/me", 15, true,
                (r, id) -> bare(r, service, "GET", "/api/members/me", id.userToken()));
        add(at + "PUT /api/members/me", 20, true, (r, id) -> {
            FuzzRequest request = json(r, service, "PUT", "/api/members/me", id.userToken(), poisonedMember(r, false));
            if (r.nextBoolean()) {
                request.header("If-Match", pick(r, ODD_IF_MATCH));
            }
            return request;
        });
        add(at + "PATCH /api/members/{id}", 5, true, (r, id) -> json(r, service, "PATCH",
                "/api/members/" + id.sentinelId(), id.adminToken(), poisonedMember(r, true)));
    }

    private void bffEndpoints(String service) {
        add(service + " GET /api/home", 35, true,
                (r, id) -> bare(r, service, "GET", "/api/home" + (r.nextInt(3) == 0 ? "?" + oddQuery(r) : ""),
                        r.nextInt(3) == 0 ? id.adminToken() : id.userToken()));
        add(service + " POST /api/home", 5, true,
                (r, id) -> json(r, service, "POST", "/api/home", id.userToken(), Map.of("x", "y")));
        if ("bff".equals(service)) {
            add("bff GET /health", 5, true, (r, id) -> bare(r, service, "GET", "/health", null));
        }
    }

    private void webEndpoints() {
        String[] pages = { "/", "/login", "/login?error", "/login?error=throttled", "/register", "/members", "/profile",
                "/logout", "/nope", "/webjars/htmx.org/dist/htmx.min.js", "/css/app.css", "/js/app.js", "/favicon.ico",
                "/error", "/actuator/health", "/members/new" };
        add("web-ui GET page", 70, false, (r, id) -> web(r, id, "GET", pick(r, pages), true));
        add("web-ui GET /login?next=", 15, false,
                (r, id) -> web(r, id, "GET",
                        "/login?next=" + pick(r,
                                new String[] { "//evil.example", "/\\evil.example", "https://evil.example",
                                        "%2F%2Fevil", "/%0d%0aSet-Cookie:x=1", "%00", "javascript:alert(1)",
                                        "/" + "a".repeat(5000), "%zz", "/members?q=%C3%28" }),
                        false));
        add("web-ui GET /members?q", 40, false, (r, id) -> web(r, id, "GET", "/members" + listQuery(r), true));
        add("web-ui GET /members/{id}", 40, false, (r, id) -> web(r, id, "GET",
                "/members/" + anyId(r, id) + pick(r, new String[] { "", "/edit", "/row", "/delete", "/nope" }), true));
        add("web-ui POST /login", 25, false, (r, id) -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("email", "fuzz-" + Long.toHexString(r.nextLong()) + "@fuzz.invalid");
            form.put("password", r.nextInt(100) < 25 ? "wrong password" : "");
            if (r.nextBoolean()) {
                form.put("next", "//evil.example");
            }
            return webForm(r, id, "POST", "/login", form, false);
        });
        add("web-ui POST /register", 25, false, (r, id) -> {
            Map<String, String> form = new LinkedHashMap<>();
            Map<String, Object> poisoned = poisonedRegistration(r);
            poisoned.forEach((k, v) -> form.put(k, String.valueOf(v)));
            return webForm(r, id, "POST", "/register", form, false);
        });
        add("web-ui POST /members", 30, false,
                (r, id) -> webForm(r, id, "POST", "/members", poisonedMemberForm(r), true));
        add("web-ui POST|PUT /members/{id}", 30, false, (r, id) -> {
            Map<String, String> form = poisonedMemberForm(r);
            form.put("etag", r.nextBoolean() ? id.sentinelEtag() : pick(r, ODD_IF_MATCH));
            return webForm(r, id, r.nextBoolean() ? "POST" : "PUT",
                    "/members/" + (r.nextBoolean() ? id.sentinelId() : anyId(r, id)), form, true);
        });
        add("web-ui delete /members/{id}", 15, false,
                (r, id) -> r.nextBoolean()
                        ? webForm(r, id, "POST", "/members/" + absentId(r) + "/delete", new LinkedHashMap<>(), true)
                        : webForm(r, id, "DELETE", "/members/" + absentId(r), new LinkedHashMap<>(), true));
        add("web-ui POST /profile", 20, false, (r, id) -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("name", "n".repeat(101));
            form.put("phone", "not a phone!");
            form.put("idempotencyKey", uuid(r));
            return webForm(r, id, "POST", "/profile", form, true);
        });
        add("web-ui POST /profile/password", 10, false, (r, id) -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("current_password", "");
            form.put("new_password", "");
            return webForm(r, id, "POST", "/profile/password", form, true);
        });
        add("web-ui POST /logout", 10, false, (r, id) -> {
            FuzzRequest request = webForm(r, id, "POST", "/logout", new LinkedHashMap<>(), true);
            // a valid token would end the shared session: only missing or wrong ones
            request.removeHeader("X-CSRF-TOKEN");
            request
                .body(r.nextInt(4) == 0 ? new byte[0] : ("_csrf=" + oddCsrf(r, id)).getBytes(StandardCharsets.UTF_8));
            return request;
        });
        add("web-ui /api/** proxy GET", 40, true, (r, id) -> {
            String path = pick(r, new String[] { "/api/members" + listQuery(r), "/api/members/" + anyId(r, id),
                    "/api/home", "/api/members/me", "/api/auth/verify", "/api/nope", "/api/", "/api" });
            return web(r, id, "GET", path, true);
        });
        add("web-ui /api/** proxy write", 40, true, (r, id) -> {
            int choice = r.nextInt(4);
            String method = choice == 0 ? "POST" : choice == 1 ? "PUT" : choice == 2 ? "DELETE" : "PATCH";
            String path = switch (choice) {
                case 0 -> "/api/members";
                case 1, 3 -> "/api/members/" + (r.nextBoolean() ? id.sentinelId() : anyId(r, id));
                default -> "/api/members/" + absentId(r);
            };
            FuzzRequest request = web(r, id, method, path, true);
            if (r.nextInt(5) > 0) {
                request.header("X-CSRF-TOKEN", r.nextInt(4) > 0 ? id.webCsrf() : oddCsrf(r, id));
            }
            if (choice != 2) {
                request.header("Content-Type", "application/json");
                request.body(mutateJson(r, poisonedMember(r, true)));
            }
            return request;
        });
    }

    // ---------------------------------------------------------------- request bases

    private FuzzRequest bare(Random r, String service, String method, String path, String bearer) {
        FuzzRequest request = new FuzzRequest(service, method, path);
        request.header("Accept", r.nextInt(4) == 0 ? "*/*" : "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private FuzzRequest json(Random r, String service, String method, String path, String bearer,
            Map<String, Object> body) {
        FuzzRequest request = bare(r, service, method, path, bearer);
        request.header("Content-Type", "application/json");
        if ("gateway".equals(service) && r.nextBoolean()) {
            request.header(r.nextInt(4) == 0 ? "X-Idempotency-Key" : "Idempotency-Key",
                    r.nextInt(3) == 0 ? pick(r, ODD_IDEMPOTENCY_KEYS) : uuid(r));
        }
        request.body(mutateJson(r, body));
        return request;
    }

    private FuzzRequest web(Random r, Identities id, String method, String path, boolean session) {
        FuzzRequest request = new FuzzRequest("web-ui", method, path);
        request.header("Accept",
                r.nextInt(3) == 0 ? "*/*" : path.startsWith("/api") ? "application/json" : "text/html");
        if (session && r.nextInt(10) < 7) {
            request.header("Cookie", id.cookieName() + "=" + id.webCookie());
        }
        else if (r.nextBoolean()) {
            request.header("Cookie", id.cookieName() + "=" + id.anonymousCookie());
        }
        if (r.nextInt(10) < 3) {
            request.header("HX-Request", "true");
        }
        return request;
    }

    private FuzzRequest webForm(Random r, Identities id, String method, String path, Map<String, String> form,
            boolean session) {
        FuzzRequest request = new FuzzRequest("web-ui", method, path);
        request.header("Accept", "text/html");
        boolean withSession = session ? r.nextInt(10) < 8 : r.nextInt(10) < 7;
        String csrf = session ? id.webCsrf() : id.anonymousCsrf();
        if (withSession) {
            request.header("Cookie", id.cookieName() + "=" + (session ? id.webCookie() : id.anonymousCookie()));
        }
        if (r.nextInt(10) < 3) {
            request.header("HX-Request", "true");
        }
        int csrfChoice = r.nextInt(10);
        if (csrfChoice < 7) {
            form.put("_csrf", csrf);
        }
        else if (csrfChoice < 9) {
            form.put("_csrf", oddCsrf(r, id));
        }
        if (r.nextInt(5) == 0 && csrfChoice < 7) {
            request.header("X-CSRF-TOKEN", csrf);
            form.remove("_csrf");
        }
        request.header("Content-Type", "application/x-www-form-urlencoded");
        request.body(mutateForm(r, form));
        return request;
    }

    // ---------------------------------------------------------------- poisoned bodies

    private static Map<String, Object> poisonedRegistration(Random r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email",
                pick(r, new String[] { "not-an-email", "fuzz@", "@fuzz.invalid", "fuzz fuzz@fuzz.invalid", "" }));
        body.put("password", pick(r, new String[] { "short", "", "p".repeat(129), "14 characters!" }));
        body.put("name", "Fuzz " + r.nextInt(1000));
        return body;
    }

    /** Invalid email and invalid phone: no create or update can succeed. */
    private static Map<String, Object> poisonedMember(Random r, boolean withEmail) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (withEmail) {
            body.put("email",
                    pick(r, new String[] { "not-an-email", "fuzz@", "a@b", "x".repeat(260) + "@fuzz.invalid" }));
        }
        else {
            body.put("name", "");
        }
        if (withEmail) {
            body.put("name", "Fuzz " + r.nextInt(1000));
        }
        body.put("phone", pick(r, new String[] { "not a phone!", "12", "+1".repeat(40), "phone\u0001" }));
        return body;
    }

    private static Map<String, String> poisonedMemberForm(Random r) {
        Map<String, String> form = new LinkedHashMap<>();
        poisonedMember(r, true).forEach((k, v) -> form.put(k, String.valueOf(v)));
        form.put("idempotencyKey", r.nextInt(4) == 0 ? pick(r, ODD_IDEMPOTENCY_KEYS) : uuid(r));
        return form;
    }

    // ---------------------------------------------------------------- body mutations

    private static byte[] mutateJson(Random r, Map<String, Object> template) {
        Map<String, Object> fields = new LinkedHashMap<>(template);
        List<String> keys = new ArrayList<>(fields.keySet());
        String key = keys.isEmpty() ? "x" : keys.get(r.nextInt(keys.size()));
        int choice = r.nextInt(24);
        switch (choice) {
            case 0, 1, 2:
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            case 3, 4, 5:
                fields.put(key, pick(r, ODD_STRINGS));
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            case 6, 7, 8:
                fields.put(key, new Raw(pick(r, ODD_RAW_JSON)));
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            case 9:
                fields.remove(key);
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            case 10: {
                String json = serialize(fields);
                return json.substring(0, r.nextInt(Math.max(1, json.length()))).getBytes(StandardCharsets.UTF_8);
            }
            case 11: {
                byte[] bytes = serialize(fields).getBytes(StandardCharsets.UTF_8);
                for (int i = 0, n = 1 + r.nextInt(4); i < n && bytes.length > 0; i++) {
                    bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
                }
                return bytes;
            }
            case 12: { // invalid UTF-8 inside a string value
                fields.put(key, "\u0007MARK\u0007");
                String json = serialize(fields);
                int at = json.indexOf("\\u0007MARK\\u0007");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]);
                out.writeBytes(json.substring(at + "\\u0007MARK\\u0007".length()).getBytes(StandardCharsets.UTF_8));
                return out.toByteArray();
            }
            case 13: { // raw control characters inside a string (not valid JSON)
                fields.put(key, new Raw("\"a" + (char) r.nextInt(0x20) + "b\""));
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            }
            case 14:
                return pick(r, new String[] { "[]", "\"text\"", "42", "null", "true", "", " ", "\n\n", "[{}]",
                        "[" + serialize(fields) + "]" })
                    .getBytes(StandardCharsets.UTF_8);
            case 15: { // deep nesting
                int depth = 600 + r.nextInt(20_000);
                return ("{\"" + key + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            }
            case 16: { // duplicate key
                String json = serialize(fields);
                return ("{\"" + key + "\":\"dup\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
            case 17: { // many unknown fields
                for (int i = 0, n = 100 + r.nextInt(5000); i < n; i++) {
                    fields.put("f" + i, i);
                }
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            }
            case 18:
                if (r.nextInt(3) == 0) { // a body over 1 MiB (gateway limit) or over the
                                         // 256 KiB codec limit
                    fields.put(key, "x".repeat(r.nextBoolean() ? 300_000 : 1_100_000));
                }
                else {
                    fields.put(key, "y".repeat(5_000 + r.nextInt(60_000)));
                }
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            case 19:
                return pick(r,
                        new String[] { "<xml><a>1</a></xml>", "email=a&password=b", "{'email':'x'}",
                                "{\"email\":\"x\",}", "{\"email\":NaN}", "{/*c*/\"email\":\"x\"}", "{\"email\" \"x\"}",
                                "{\"email\":\"x\"}{\"email\":\"y\"}", "{\"\\u0000\":1}", "{\"email\":\"\\uZZZZ\"}",
                                "{{{{", "}", "\"\\", "{\"a\":1e999999999999}" })
                    .getBytes(StandardCharsets.UTF_8);
            case 20: { // UTF-8 BOM, or UTF-16
                String json = serialize(fields);
                if (r.nextBoolean()) {
                    byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(bom);
                    out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
                    return out.toByteArray();
                }
                return json.getBytes(StandardCharsets.UTF_16);
            }
            case 21: { // random binary
                byte[] bytes = new byte[1 + r.nextInt(2000)];
                r.nextBytes(bytes);
                return bytes;
            }
            case 22: { // a huge number in every field
                keys.forEach(k -> fields.put(k, new Raw("9".repeat(1000 + r.nextInt(100_000)))));
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            }
            default: { // a field name that is odd
                fields.put(pick(r, new String[] { "", "\u0000", "__proto__", "constructor", "a".repeat(10_000), "Email",
                        "EMAIL" }), "x");
                return serialize(fields).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static byte[] mutateForm(Random r, Map<String, String> template) {
        Map<String, String> fields = new LinkedHashMap<>(template);
        List<String> keys = new ArrayList<>(fields.keySet());
        keys.remove("_csrf");
        keys.remove("idempotencyKey");
        keys.remove("etag");
        String key = keys.isEmpty() ? "x" : keys.get(r.nextInt(keys.size()));
        int choice = r.nextInt(16);
        switch (choice) {
            case 0, 1, 2, 3:
                return encode(fields, null);
            case 4, 5, 6:
                fields.put(key, pick(r, ODD_STRINGS));
                return encode(fields, null);
            case 7: // raw invalid percent-encoding
                return encode(fields, key + "="
                        + pick(r, new String[] { "%zz", "%", "%C3%28", "%00", "%FF%FE", "%ED%A0%80", "%%%" }));
            case 8:
                fields.remove(key);
                return encode(fields, null);
            case 9:
                return encode(fields, key + "=" + URLEncoder.encode(pick(r, ODD_STRINGS), StandardCharsets.UTF_8));
            case 10: { // raw invalid UTF-8 bytes
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(encode(fields, null));
                out.writeBytes(("&" + key + "=").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]);
                return out.toByteArray();
            }
            case 11:
                return ("&&&==&" + new String(encode(fields, null), StandardCharsets.UTF_8) + "&=&==")
                    .getBytes(StandardCharsets.UTF_8);
            case 12: { // many fields
                StringBuilder extra = new StringBuilder();
                for (int i = 0, n = 1000 + r.nextInt(5000); i < n; i++) {
                    extra.append("&f").append(i).append('=').append(i);
                }
                return encode(fields, extra.substring(1));
            }
            case 13: // a big body (over the 256 KiB form limit sometimes)
                fields.put(key, "z".repeat(r.nextBoolean() ? 300_000 : 20_000));
                return encode(fields, null);
            case 14:
                return serialize(new LinkedHashMap<>(fields)).getBytes(StandardCharsets.UTF_8);
            default: {
                byte[] bytes = new byte[1 + r.nextInt(500)];
                r.nextBytes(bytes);
                return bytes;
            }
        }
    }

    private static byte[] encode(Map<String, String> fields, String extra) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        if (extra != null) {
            out.append(out.length() > 0 ? "&" : "").append(extra);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- headers

    private void mutateHeaders(Random r, FuzzRequest request) {
        switch (r.nextInt(22)) {
            case 0 -> request.header("Content-Type", pick(r, ODD_CONTENT_TYPES)); // a
                                                                                  // duplicate
            case 1 -> request.removeHeader("Content-Type").header("Content-Type", pick(r, ODD_CONTENT_TYPES));
            case 2 -> request.removeHeader("Authorization").header("Authorization", pick(r, ODD_AUTHORIZATION));
            case 3 -> request.header("Authorization", pick(r, ODD_AUTHORIZATION)); // a
                                                                                   // second
                                                                                   // Authorization
            case 4 -> request.header("X-Fuzz", "v".repeat(r.nextBoolean() ? 9_000 : 70_000));
            case 5 -> {
                if (request.hasHeader("Authorization")) {
                    request.removeHeader("Authorization")
                        .header("Authorization", "Bearer " + "A".repeat(20_000 + r.nextInt(50_000)));
                }
                else {
                    request.header("X-Request-Id", "r".repeat(10_000));
                }
            }
            case 6 -> request.header(
                    pick(r, new String[] { "X-Request-Id", "Accept-Language", "User-Agent", "Authorization",
                            "Idempotency-Key", "Cookie", "If-Match" }),
                    concat("v".getBytes(StandardCharsets.UTF_8), INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]));
            case 7 -> request.header(pick(r, new String[] { "X-Request-Id", "Accept", "Idempotency-Key", "If-Match" }),
                    new byte[] { 'a', (byte) pick(r, new int[] { 0x00, 0x01, 0x07, 0x0b, 0x0c, 0x1b, 0x7f }), 'b' });
            case 8 -> {
                request.removeHeader("Idempotency-Key").removeHeader("X-Idempotency-Key");
                request.header("Idempotency-Key", pick(r, ODD_IDEMPOTENCY_KEYS));
            }
            case 9 -> { // repeated key, or both names with different values
                request.header("Idempotency-Key", uuid(r));
                request.header(r.nextBoolean() ? "Idempotency-Key" : "X-Idempotency-Key", uuid(r));
            }
            case 10 -> request.header("Cookie",
                    pick(r, new String[] { "SID=", "SID=\"", "SID=" + "s".repeat(8000), "SID=%00", "SID=" + uuid(r),
                            "SID=a; SID=b", ";;;;", "=", "SID=ü", "SESSION=x; SID=../../x",
                            "SID=" + Base64.getEncoder().encodeToString(uuid(r).getBytes(StandardCharsets.UTF_8)),
                            "a=b".repeat(2000) }));
            case 11 -> request.header("Cookie", "SID=" + uuid(r)); // a second Cookie
                                                                   // header
            case 12 -> request.removeHeader("If-Match").header("If-Match", pick(r, ODD_IF_MATCH));
            case 13 -> request.header("If-Match", pick(r, ODD_IF_MATCH)).header("If-Match", pick(r, ODD_IF_MATCH));
            case 14 -> request.removeHeader("Accept").header("Accept", pick(r, ODD_ACCEPT));
            case 15 -> request.header("X-Forwarded-For", pick(r, new String[] { "garbage", "1.2.3.4, , ,", "::1%eth0",
                    "999.999.999.999", "1.2.3.4".repeat(1000), "[::1]:80", "unknown", "\u00ff" }));
            case 16 ->
                request.rawHeader(pick(r, new String[] { "X Fuzz", "X-Fuzz\u00ff", "(x)", "X-Fuzz:", "", "\u0000" })
                    .getBytes(StandardCharsets.ISO_8859_1), "1".getBytes(StandardCharsets.US_ASCII));
            case 17 -> {
                request.autoContentLength = false;
                request.header("Content-Length", pick(r, new String[] { "abc", "-1", "99999999999999999999", "1, 2",
                        String.valueOf(request.body.length) + ", " + request.body.length, " " + request.body.length }));
            }
            case 18 ->
                request.header("Content-Encoding", pick(r, new String[] { "gzip", "br", "identity", "x-unknown" }));
            case 19 -> request.header("Host",
                    pick(r, new String[] { "", "evil.example", "a".repeat(3000), "localhost:99999", "[::1" }));
            case 20 -> request.header("HX-Request", pick(r, new String[] { "true", "false", "garbage", "" }))
                .header("HX-Current-URL", "javascript:alert(1)")
                .header("HX-Target", "\u0001");
            default -> request.header("Range", pick(r,
                    new String[] { "bytes=0-0", "bytes=-1", "bytes=9999999-", "bytes=a-b", "bytes=0-1,2-3,4-5" }));
        }
    }

    // ---------------------------------------------------------------- paths and queries

    private static byte[] mutatePath(Random r, byte[] target) {
        String path = new String(target, StandardCharsets.UTF_8);
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q);
            path = path.substring(0, q);
        }
        int choice = r.nextInt(16);
        String mutated = switch (choice) {
            case 0 -> path.replaceFirst("/([^/]*)$", "/%2e%2e/$1");
            case 1 -> path.replaceFirst("^/api/", "/api/x/..%2f");
            case 2 -> path.replace("/", "//");
            case 3 -> path.replaceFirst("/([^/]*)$", "%2F$1");
            case 4 -> path + pick(r, new String[] { "%00", "%", "%zz", "%C3%28", "%ff", ";jsessionid=x", ";", "/", "/.",
                    "%20", "~", ".json", "..", "%2e", "#frag", "\\..\\" });
            case 5 -> path + "/" + "a".repeat(r.nextBoolean() ? 3000 : 70_000);
            case 6 -> path.replaceFirst("^/", "/./");
            case 7 -> path.replaceFirst("/([^/]*)$", "/../" + "$1");
            case 8 -> "/" + path.substring(1).toUpperCase(java.util.Locale.ROOT);
            case 9 -> path.replace("/", "%2f");
            case 10 -> path.replaceFirst("/([^/]*)$", "/%252e%252e/$1");
            case 11 -> "*";
            case 12 -> "http://evil.example" + path;
            case 13 -> "/\\" + path.substring(1);
            case 14 -> path + (query.isEmpty() ? "?" : "&") + oddQuery(r);
            default -> null; // raw invalid UTF-8 bytes in the path
        };
        if (mutated == null) {
            return concat(concat(path.getBytes(StandardCharsets.UTF_8), INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]),
                    query.getBytes(StandardCharsets.UTF_8));
        }
        return (mutated + (choice == 14 ? "" : query)).getBytes(StandardCharsets.UTF_8);
    }

    private static String oddQuery(Random r) {
        return pick(r, new String[] { "a=%zz", "%", "a=%00", "a=1&a=2", "=", "&&&", "a", "q=" + "q".repeat(9000),
                "access_token=x.y.z", "a=%C3%28", "a[b]=c", "a=%ED%A0%80", "page=-1", "a=\u00e9" });
    }

    private static String listQuery(Random r) {
        List<String> parts = new ArrayList<>();
        if (r.nextBoolean()) {
            parts.add("q=" + pick(r,
                    new String[] { "", "%00", "a%00b", "%25", "_", "%5C", "%27%20OR%201%3D1", "%C3%28", "%zz", "%",
                            "a".repeat(255), "a".repeat(10_000), "%F0%9F%98%80", "%E2%80%AE", "%0D%0A", "%7F", "Fuzz",
                            "%25%25%25", "%5C%25", "%2e%2e" }));
        }
        if (r.nextBoolean()) {
            parts.add(
                    "page=" + pick(r, new String[] { "0", "-1", "1", "2147483647", "2147483648", "99999999999999999999",
                            "1e3", "0x10", "%20", "abc", "", "1.5", "%D9%A1", "+1", "21474836", "99999999" }));
        }
        if (r.nextBoolean()) {
            parts.add("size="
                    + pick(r, new String[] { "0", "1", "100", "101", "-5", "2147483647", "abc", "", "1e9", "%00" }));
        }
        if (r.nextBoolean()) {
            parts.add("sort=" + pick(r,
                    new String[] { "name,asc", "name,desc", "email", "createdAt,DESC", "name,sideways", "name,asc,asc",
                            ",", "", "password", "name;DROP%20TABLE", "lower(name)", "id", "NAME", "name%00", "%2C",
                            "updatedAt,%20desc%20" }));
        }
        if (r.nextInt(5) == 0) {
            parts.add(parts.isEmpty() ? "page=1" : parts.get(0)); // a repeated parameter
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String anyId(Random r, Identities id) {
        return switch (r.nextInt(4)) {
            case 0 -> id.sentinelId();
            case 1 -> uuid(r);
            default -> pick(r, ODD_IDS);
        };
    }

    /** An id that names no existing member (deletes must never hit real data). */
    private static String absentId(Random r) {
        return r.nextBoolean() ? uuid(r) : pick(r, ODD_IDS);
    }

    private static String randomToken(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> pick(r, ODD_STRINGS);
            case 1 -> "x".repeat(r.nextInt(20_000));
            default -> {
                byte[] bytes = new byte[32];
                r.nextBytes(bytes);
                yield Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
        };
    }

    private static String oddCsrf(Random r, Identities id) {
        return switch (r.nextInt(6)) {
            case 0 -> "";
            case 1 -> "garbage";
            case 2 -> id.anonymousCsrf(); // a token of another session
            case 3 -> { // valid base64 of the right length that does not decode to UTF-8
                        // (Spring Security 7.0.6 500)
                byte[] bytes = new byte[Base64.getUrlDecoder().decode(id.webCsrf()).length];
                r.nextBytes(bytes);
                yield Base64.getUrlEncoder().encodeToString(bytes);
            }
            case 4 -> "%";
            default -> id.webCsrf().substring(0, Math.max(0, id.webCsrf().length() - 4)) + "AAAA";
        };
    }

    // ---------------------------------------------------------------- helpers

    /** A JSON value written verbatim. */
    private record Raw(String json) {
    }

    private static String serialize(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(k)).append(':');
            if (v instanceof Raw raw) {
                out.append(raw.json());
            }
            else if (v instanceof Number || v instanceof Boolean || v == null) {
                out.append(v);
            }
            else {
                out.append(quote(String.valueOf(v)));
            }
        });
        return out.append('}').toString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A UUID from the case's own random source, so a case regenerates byte for byte. */
    private static String uuid(Random r) {
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
            .toString();
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static int pick(Random r, int[] values) {
        return values[r.nextInt(values.length)];
    }

}
