package com.acme.shop.auth;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/auth/health} (the original's liveness endpoint); readiness is
 * {@code /actuator/health}.
 */
@RestController
class HealthController {

    @GetMapping("/api/auth/health")
    Map<String, String> health() {
        return Map.of("status", "UP", "service", "auth");
    }

}
