package com.acme.shop.common.openapi;

/**
 * Names of the shared OpenAPI components that {@link SharedApiComponents} adds to every
 * service's document, for references from annotations:
 * {@code @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)},
 * {@code @Header(name = "ETag", ref = ApiDocs.ETAG)},
 * {@code @Parameter(name = "If-Match", in = ParameterIn.HEADER, ref = ApiDocs.IF_MATCH)},
 * {@code @Schema(ref = ApiDocs.PROBLEM)}.
 */
public final class ApiDocs {

    /** Name of the bearer security scheme (ES256 access token issued by auth). */
    public static final String BEARER = "bearer-jwt";

    /**
     * Operation extension listing the roles an operation needs (absent: no token, empty:
     * any valid token).
     */
    public static final String ROLES_EXTENSION = "x-roles";

    /** Tag of service-to-service endpoints that the gateway does not route. */
    public static final String INTERNAL_TAG = "internal";

    /** {@code application/problem+json} */
    public static final String PROBLEM_JSON = "application/problem+json";

    // schemas

    public static final String PROBLEM = "#/components/schemas/Problem";

    public static final String FIELD_ERROR = "#/components/schemas/FieldError";

    // request headers (parameters)

    public static final String IDEMPOTENCY_KEY = "#/components/parameters/Idempotency-Key";

    public static final String IF_MATCH = "#/components/parameters/If-Match";

    // response headers

    public static final String ETAG = "#/components/headers/ETag";

    public static final String LOCATION = "#/components/headers/Location";

    public static final String IDEMPOTENT_REPLAYED = "#/components/headers/Idempotent-Replayed";

    public static final String RETRY_AFTER = "#/components/headers/Retry-After";

    public static final String WWW_AUTHENTICATE = "#/components/headers/WWW-Authenticate";

    // responses (problem+json bodies)

    public static final String BAD_REQUEST = "#/components/responses/BadRequest";

    public static final String UNAUTHORIZED = "#/components/responses/Unauthorized";

    public static final String FORBIDDEN = "#/components/responses/Forbidden";

    public static final String NOT_FOUND = "#/components/responses/NotFound";

    public static final String CONFLICT = "#/components/responses/Conflict";

    public static final String IDEMPOTENCY_CONFLICT = "#/components/responses/IdempotencyConflict";

    public static final String PRECONDITION_FAILED = "#/components/responses/PreconditionFailed";

    public static final String CONTENT_TOO_LARGE = "#/components/responses/ContentTooLarge";

    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";

    public static final String IDEMPOTENCY_KEY_REUSED = "#/components/responses/IdempotencyKeyReused";

    public static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";

    public static final String SERVICE_UNAVAILABLE = "#/components/responses/ServiceUnavailable";

    private ApiDocs() {
    }

    /** The component name at the end of a reference ({@code #/components/x/Name}). */
    static String name(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

}
