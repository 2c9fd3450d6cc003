package com.acme.shop.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/auth/health} (the original's liveness endpoint); readiness is
 * {@code /actuator/health}.
 */
@RestController
@Tag(name = OpenApiConfiguration.AUTH_TAG)
class HealthController {

    @GetMapping(path = "/api/auth/health", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "health", summary = "Liveness",
            description = "200 while the process serves requests (readiness, with PostgreSQL and Redis, is "
                    + "`/actuator/health`). The gateway asks for a token on this path.")
    @ApiResponse(responseCode = "200", description = "Up",
            content = @Content(schema = @Schema(implementation = Health.class),
                    examples = @ExampleObject(value = AuthExamples.HEALTH)))
    Health health() {
        return new Health("UP", "auth");
    }

    @Schema(name = "Health", requiredProperties = { "status", "service" })
    record Health(@Schema(allowableValues = "UP") String status, @Schema(example = "auth") String service) {
    }

}
