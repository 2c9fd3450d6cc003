package com.acme.shop.bff;

import com.acme.shop.common.openapi.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness probe kept from the original service: {@code GET /health}. */
@RestController
@Tag(name = ApiDocs.INTERNAL_TAG)
class HealthController {

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "health", summary = "Liveness probe",
            description = "Always 200 while the process serves requests (readiness: `/actuator/health`). Not routed "
                    + "by the gateway.")
    @ApiResponse(responseCode = "200", description = "Up",
            content = @Content(schema = @Schema(implementation = Health.class),
                    examples = @ExampleObject(value = HEALTH_EXAMPLE)))
    Health health() {
        return new Health("UP", "bff");
    }

    static final String HEALTH_EXAMPLE = """
            {"status":"UP","service":"bff"}""";

    @Schema(name = "Health", requiredProperties = { "status", "service" })
    record Health(@Schema(allowableValues = "UP") String status, @Schema(example = "bff") String service) {
    }

}
