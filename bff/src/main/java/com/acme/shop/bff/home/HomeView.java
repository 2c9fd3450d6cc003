package com.acme.shop.bff.home;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Response of {@code GET /api/home}. A section whose downstream call failed or timed out
 * is {@code null} and named in {@code unavailable}; {@code degraded} is then
 * {@code true}. A section that does not apply to the caller is {@code null} and not
 * named.
 */
@Schema(name = "Home", description = "Everything the home page needs, aggregated from auth, member, product and order",
        requiredProperties = { "user", "session", "admin", "featuredProducts", "latestOrders", "degraded",
                "unavailable" })
record HomeView(
        @Schema(nullable = true,
                description = "The caller's member profile; null for an anonymous caller or "
                        + "when member is unavailable") UserSection user,
        @Schema(nullable = true,
                description = "Session facts from auth; null for an anonymous caller or when "
                        + "auth is unavailable") SessionSection session,
        @Schema(nullable = true,
                description = "Admin summary; null for non-admins or when member is unavailable") AdminSection admin,
        @ArraySchema(arraySchema = @Schema(types = {
                "array", "null" },
                description = "A few products of the catalog (the newest by default), for every caller, "
                        + "anonymous ones too; null when product is unavailable")) List<FeaturedProduct> featuredProducts,
        @ArraySchema(arraySchema = @Schema(
                description = "The caller's newest orders, newest first (for an ADMIN the shop's newest orders, "
                        + "as order lists them); null for an anonymous caller or when order is unavailable")) List<OrderSummary> latestOrders,
        @Schema(description = "true when at least one section could not be loaded") boolean degraded,
        @ArraySchema(arraySchema = @Schema(description = "Names of the sections that could not be loaded"),
                schema = @Schema(allowableValues = { "user", "session", "admin", "featuredProducts",
                        "latestOrders" })) List<String> unavailable){
}
