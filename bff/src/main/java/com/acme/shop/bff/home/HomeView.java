package com.acme.shop.bff.home;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Response of {@code GET /api/home}. A section whose downstream call failed or timed out
 * is {@code null} and named in {@code unavailable}; {@code degraded} is then
 * {@code true}.
 */
@Schema(name = "Home", description = "Everything the home page needs, aggregated from auth and member",
        requiredProperties = { "user", "session", "admin", "degraded", "unavailable" })
record HomeView(
        @Schema(nullable = true,
                description = "The caller's member profile; null when member is unavailable") UserSection user,
        @Schema(nullable = true,
                description = "Session facts from auth; null when auth is unavailable") SessionSection session,
        @Schema(nullable = true,
                description = "Admin summary; null for non-admins or when member is unavailable") AdminSection admin,
        @Schema(description = "true when at least one section could not be loaded") boolean degraded,
        @ArraySchema(arraySchema = @Schema(description = "Names of the sections that could not be loaded"),
                schema = @Schema(allowableValues = {
                        "user", "session", "admin" })) List<String> unavailable){
}
