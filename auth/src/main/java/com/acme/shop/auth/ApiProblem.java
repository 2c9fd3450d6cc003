package com.acme.shop.auth;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** An error the API answers as {@code application/problem+json} (see {@link ApiProblemAdvice}). */
public class ApiProblem extends RuntimeException {

    public static final String INVALID_CREDENTIALS = "Invalid username or password";

    private final HttpStatus status;
    private final List<FieldMessage> errors;
    private final Map<String, String> headers;

    private ApiProblem(HttpStatus status, String detail, List<FieldMessage> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem validation(List<FieldMessage> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "The request is invalid", errors, Map.of());
    }

    public static ApiProblem validation(String field, String message) {
        return validation(List.of(new FieldMessage(field, message)));
    }

    /** The single answer for unknown user, wrong password, throttled, locked or disabled (B14, B15). */
    public static ApiProblem invalidCredentials() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS, List.of(), Map.of());
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, detail, List.of(), Map.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, detail, List.of(), Map.of());
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, detail, List.of(), Map.of("Retry-After", "5"));
    }

    public static ApiProblem tooManyRequests(long retryAfterSeconds) {
        return tooManyRequests("Too many login attempts; try again later", retryAfterSeconds);
    }

    /** 429 with {@code Retry-After} (seconds, at least 1). */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, detail, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    /** 503 with {@code Retry-After} (seconds, at least 1). */
    public static ApiProblem unavailable(String detail, long retryAfterSeconds) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, detail, List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldMessage> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public record FieldMessage(String field, String message) {
    }
}
