package com.acme.shop.common.openapi;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The shared components, built fresh on each call (the models are mutable). Their
 * examples are bodies the services really answered (captured from real calls; only the
 * {@code instance} path differs per operation).
 */
final class StandardComponents {

    private StandardComponents() {
    }

    static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("ES256 access token (`typ: at+jwt`) from `POST /api/auth/login` or `/api/auth/refresh`, "
                    + "valid for 5 minutes. Each service checks signature, issuer, its own audience, expiry and "
                    + "revocation (logout, password change) on every request.");
    }

    /**
     * {@code Problem} and {@code FieldError}, in OpenAPI 3.1 (JSON Schema 2020-12) form.
     */
    static Map<String, Schema> schemas() {
        return new LinkedHashMap<>(new ModelConverters(true).readAll(new AnnotatedType(ProblemSchema.class)));
    }

    static Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        parameters.put(ApiDocs.name(ApiDocs.IDEMPOTENCY_KEY), new HeaderParameter().name("Idempotency-Key")
            .required(false)
            .description("Makes a POST safe to retry (docs/idempotency.md): the first request with a key is executed "
                    + "and its answer stored for 24 h (`IDEMPOTENCY_TTL`); a repeat with the same body gets the stored "
                    + "answer with `Idempotent-Replayed: true`, a repeat while the first still runs gets 409, the "
                    + "same key with another body or path gets 422. 1–255 characters of `A-Z a-z 0-9 _ . : -`, "
                    + "bare or as a quoted structured-field string; scoped to the caller (`sub`). "
                    + "`X-Idempotency-Key` is accepted as an alias.")
            .schema(string().pattern("^\"?[A-Za-z0-9_.:-]{1,255}\"?$"))
            .example("3f0e4a52-5d1c-4c1e-9b7a-2b8f0c9d1e77"));
        parameters.put(ApiDocs.name(ApiDocs.IF_MATCH), new HeaderParameter().name("If-Match")
            .required(false)
            .description("Optimistic locking: the `ETag` of the version the change is based on (strong comparison; "
                    + "`*` matches any). A stale tag gets 412 and changes nothing; without the header the change "
                    + "is unconditional.")
            .schema(string())
            .example("\"0\""));
        return parameters;
    }

    static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(ApiDocs.name(ApiDocs.ETAG),
                new Header().description("Strong entity tag of the returned version; send it as `If-Match` to update.")
                    .schema(string().example("\"0\"")));
        headers.put(ApiDocs.name(ApiDocs.LOCATION), new Header().description("Path of the created resource.")
            .schema(string().format("uri-reference").example("/api/members/34798564-7159-4726-9575-2c50bfc2e0ef")));
        headers.put(ApiDocs.name(ApiDocs.IDEMPOTENT_REPLAYED),
                new Header()
                    .description("`true` when this is the stored answer to an earlier request with the same "
                            + "`Idempotency-Key` (nothing was executed again); absent on the first execution.")
                    .schema(string()._enum(List.of("true")).example("true")));
        headers.put(ApiDocs.name(ApiDocs.RETRY_AFTER),
                new Header().description("Seconds to wait before retrying.").schema(integer().example(5)));
        headers.put(ApiDocs.name(ApiDocs.WWW_AUTHENTICATE), new Header()
            .description("`Bearer` when no token was sent, `Bearer error=\"invalid_token\"` when the "
                    + "token was refused, `Bearer error=\"insufficient_scope\"` when its roles do not allow the call.")
            .schema(string().example("Bearer error=\"invalid_token\"")));
        return headers;
    }

    static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put(ApiDocs.name(ApiDocs.BAD_REQUEST), problem(
                "The request is malformed or invalid: the body cannot be read, a field fails validation (`errors` "
                        + "then lists every invalid field), or a header such as `Idempotency-Key` is malformed "
                        + "(then `Link` points to the idempotency documentation).",
                Map.of("validation",
                        example(400, "Validation failed.", "/api/members",
                                "[{\"field\":\"email\",\"message\":\"must not be blank\"},"
                                        + "{\"field\":\"name\",\"message\":\"must not be blank\"}]"),
                        "malformed-body",
                        example(400, "The request body is malformed or cannot be read.", "/api/members"),
                        "idempotency-key",
                        example(400, "The idempotency key must be 1-255 characters of A-Z a-z 0-9 _ . : -",
                                "/api/members"))));
        responses.put(ApiDocs.name(ApiDocs.UNAUTHORIZED),
                problem("No bearer token, or the token was refused (bad signature, wrong issuer or audience, expired, "
                        + "revoked by logout or a password change). The body never says which check failed.",
                        Map.of("no-token", example(401, "Authentication is required.", "/api/members/me"),
                                "invalid-token", example(401, "The access token is invalid.", "/api/members/me")))
                    .addHeaderObject("WWW-Authenticate", ref(ApiDocs.WWW_AUTHENTICATE)));
        responses.put(ApiDocs.name(ApiDocs.FORBIDDEN),
                problem("The token is valid but its roles do not allow this call.",
                        Map.of("forbidden", example(403, "Access is denied.", "/api/members")))
                    .addHeaderObject("WWW-Authenticate", ref(ApiDocs.WWW_AUTHENTICATE)));
        responses.put(ApiDocs.name(ApiDocs.NOT_FOUND), problem("No resource with this id.", Map.of("not-found",
                example(404, "Member not found.", "/api/members/0b0e7a9c-3f2d-4c1b-8a7e-6d5c4b3a2f10"))));
        responses.put(ApiDocs.name(ApiDocs.CONFLICT), problem(
                "The request conflicts with the current state, e.g. the email belongs to another member.",
                Map.of("email-taken", example(409, "A member with this email already exists.", "/api/members"))));
        responses.put(ApiDocs.name(ApiDocs.IDEMPOTENCY_CONFLICT), problem(
                "A request with the same `Idempotency-Key` is still being processed; retry after `Retry-After` "
                        + "seconds to get its stored answer.",
                Map.of("key-in-flight",
                        example(409, "A request with this idempotency key is still being processed.", "/api/members")))
            .addHeaderObject("Retry-After", ref(ApiDocs.RETRY_AFTER)));
        responses.put(ApiDocs.name(ApiDocs.PRECONDITION_FAILED),
                problem("`If-Match` names a version that is no longer current: fetch the resource again and retry "
                        + "with its `ETag`. Nothing was changed.",
                        Map.of("stale-version",
                                example(412, "The member was modified; fetch it again and retry with the current ETag.",
                                        "/api/members/34798564-7159-4726-9575-2c50bfc2e0ef"))));
        responses.put(ApiDocs.name(ApiDocs.CONTENT_TOO_LARGE), problem("The request body is larger than 1 MiB.",
                Map.of("too-large", example(413, "The request body is too large.", "/api/members"))));
        responses.put(ApiDocs.name(ApiDocs.UNSUPPORTED_MEDIA_TYPE), problem("The body is not `application/json`.",
                Map.of("unsupported", example(415, "Content-Type 'text/plain' is not supported.", "/api/members"))));
        responses.put(ApiDocs.name(ApiDocs.IDEMPOTENCY_KEY_REUSED), problem(
                "This `Idempotency-Key` was already used for a different request (another body, path or method). "
                        + "Nothing was executed.",
                Map.of("key-reused", example(422, "This idempotency key was already used for a different request.",
                        "/api/members"))));
        responses.put(ApiDocs.name(ApiDocs.TOO_MANY_REQUESTS),
                problem("Too many requests from this client; retry after `Retry-After` seconds.",
                        Map.of("rate-limited",
                                example(429, "Too many login attempts; try again later", "/api/auth/login")))
                    .addHeaderObject("Retry-After", ref(ApiDocs.RETRY_AFTER)));
        responses.put(ApiDocs.name(ApiDocs.SERVICE_UNAVAILABLE), problem(
                "A dependency (PostgreSQL, Redis, another service) cannot be reached or is too slow, so the request "
                        + "was not carried out (this includes checking a token's revocation or an idempotency key: "
                        + "the services fail closed). Retry after `Retry-After` seconds.",
                Map.of("dependency-down",
                        example(503, "The service is temporarily unavailable. Retry later.", "/api/members"),
                        "token-check-unavailable",
                        example(503, "The token cannot be checked right now. Retry later.", "/api/members"),
                        "idempotency-unavailable",
                        example(503, "Idempotency keys cannot be checked right now. Retry later.", "/api/members")))
            .addHeaderObject("Retry-After", ref(ApiDocs.RETRY_AFTER)));
        return responses;
    }

    /**
     * A problem body as {@code Problems} writes it: the status, its reason phrase, a real
     * detail and the request path.
     */
    static String example(int status, String detail, String instance) {
        return example(status, detail, instance, null);
    }

    static String example(int status, String detail, String instance, String errors) {
        String title = org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase();
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\"", "\\\"") + "\",\"instance\":\"" + instance + "\""
                + (errors == null ? "" : ",\"errors\":" + errors) + "}";
    }

    /** A copy of the shared response named by a reference. */
    static ApiResponse response(String ref) {
        ApiResponse response = responses().get(ApiDocs.name(ref));
        if (response == null) {
            throw new IllegalArgumentException("No shared response " + ref);
        }
        return response;
    }

    static Header ref(String ref) {
        return new Header().$ref(ref);
    }

    static Schema<Object> string() {
        return typed("string");
    }

    static Schema<Object> integer() {
        return typed("integer");
    }

    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.specVersion(SpecVersion.V31);
        schema.setTypes(new LinkedHashSet<>(List.of(type)));
        return schema;
    }

    /** A JSON text as a tree, so that it is written as JSON (not as a string). */
    static Object json(String text) {
        try {
            return io.swagger.v3.core.util.Json.mapper().readTree(text);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("Example is not JSON: " + text, ex);
        }
    }

    private static ApiResponse problem(String description, Map<String, String> examples) {
        MediaType media = new MediaType().schema(new Schema<>().$ref(ApiDocs.PROBLEM));
        examples.entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(e -> media.addExamples(e.getKey(), new Example().value(json(e.getValue()))));
        return new ApiResponse().description(description)
            .content(new Content().addMediaType(ApiDocs.PROBLEM_JSON, media));
    }

}
