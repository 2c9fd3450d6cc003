package com.acme.shop.common.openapi;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented shape of every error body (RFC 9457 {@code application/problem+json}),
 * as common's {@code Problems} writes it. Documentation only: the services answer through
 * {@code ProblemException} and {@code ProblemWebExceptionHandler}.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details. Every error of the API has this shape.",
        requiredProperties = { "type", "title", "status" })
record ProblemSchema(@Schema(
        description = "A URI reference that identifies the problem type; `about:blank` when the status says it all.",
        format = "uri-reference", example = "about:blank") String type,
        @Schema(description = "The HTTP reason phrase of the status.", example = "Bad Request") String title,
        @Schema(description = "The HTTP status code.", minimum = "100", maximum = "599", example = "400") int status,
        @Schema(description = "What went wrong, for a person; never a stack trace.",
                example = "Validation failed.") String detail,
        @Schema(description = "The request path.", format = "uri-reference", example = "/api/members") String instance,
        @ArraySchema(arraySchema = @Schema(
                description = "Validation failures, one per invalid field (only with status 400 `Validation failed.`)."),
                schema = @Schema(implementation = FieldErrorSchema.class)) List<FieldErrorSchema> errors) {

    @Schema(name = "FieldError", description = "One invalid field of a request.",
            requiredProperties = { "field", "message" })
    record FieldErrorSchema(
            @Schema(description = "The field as the client sent it (JSON name, e.g. `new_password`).",
                    example = "email") String field,
            @Schema(description = "What is wrong with it.", example = "must be a valid email address") String message) {
    }

}
