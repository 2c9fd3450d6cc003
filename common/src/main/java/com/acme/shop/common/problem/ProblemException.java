package com.acme.shop.common.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * The one exception a service throws for an answer other than success: a status, a
 * {@code detail}, optional headers (e.g. {@code Retry-After}) and, for 400, the
 * {@code errors: [{field, message}]} list. It is Spring's {@link ErrorResponseException},
 * so {@link ProblemWebExceptionHandler} renders it like any other {@code ErrorResponse}:
 * {@code throw ProblemException.of(HttpStatus.CONFLICT, "The email is taken.")}.
 * <p>
 * No stack trace is captured: these are expected answers, some of them (401, 429) on hot
 * paths.
 */
public class ProblemException extends ErrorResponseException {

    /** The {@code detail} of every 400 with field errors. */
    public static final String VALIDATION_DETAIL = "Validation failed.";

    /** The {@code errors} member of the problem object. */
    public static final String ERRORS = "errors";

    private final transient List<FieldMessage> errors;

    private ProblemException(HttpStatusCode status, String detail, List<FieldMessage> errors) {
        super(status, problemDetail(status, detail, errors), null);
        this.errors = errors;
    }

    /** A problem with the given status and detail. */
    public static ProblemException of(HttpStatusCode status, String detail) {
        return new ProblemException(status, detail, List.of());
    }

    /** 400 {@value #VALIDATION_DETAIL} with the given field errors. */
    public static ProblemException invalid(List<FieldMessage> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, VALIDATION_DETAIL, List.copyOf(errors));
    }

    /** 400 {@value #VALIDATION_DETAIL} with one field error. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldMessage(field, message)));
    }

    /** Adds a response header, e.g. {@code Cache-Control}. */
    public ProblemException header(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    /** Adds {@code Retry-After} in seconds (at least 1). */
    public ProblemException retryAfter(long seconds) {
        return header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
    }

    /** The field errors ({@code errors}); empty unless this is a validation problem. */
    public List<FieldMessage> errors() {
        return errors;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static ProblemDetail problemDetail(HttpStatusCode status, String detail, List<FieldMessage> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            body.setProperty(ERRORS, errors);
        }
        return body;
    }

}
