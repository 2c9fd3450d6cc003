package com.acme.shop.bff;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness probe kept from the original service: {@code GET /health}. */
@RestController
@Tag(name = "health")
class HealthController {

    @GetMapping("/health")
    @Operation(summary = "Liveness probe", description = "Always 200 while the process serves requests.")
    Map<String, String> health() {
        return Map.of("status", "UP", "service", "bff");
    }

}
