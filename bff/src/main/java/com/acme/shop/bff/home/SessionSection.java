package com.acme.shop.bff.home;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "HomeSession")
record SessionSection(String subject, List<String> roles,
        @Schema(nullable = true, description = "iat of the caller's access token") Instant issuedAt,
        @Schema(nullable = true,
                description = "exp of the caller's access token, as auth reports it") Instant expiresAt) {
}
