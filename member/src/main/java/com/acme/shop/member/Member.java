package com.acme.shop.member;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A member profile as stored and as returned by the API
 * ({@code id, email, name, phone, createdAt,
 * updatedAt, version}).
 */
@Schema(name = "Member", description = "A member profile.",
        requiredProperties = { "id", "email", "name", "phone", "createdAt", "updatedAt", "version" })
record Member(@Schema(description = "Shared with the sign-in account at auth, when there is one.") UUID id,
        @Schema(format = "email", example = "ann.lee@example.com") String email,
        @Schema(example = "Ann Lee") String name, @Schema(types = {
                "string", "null" }, description = "null when the member gave none.",
                example = "+44 20 7946 0958") String phone,
        Instant createdAt, Instant updatedAt,
        @Schema(description = "Increases with every change; the `ETag` is this number in quotes.",
                example = "0") long version){

    /** The strong entity tag for this version, e.g. {@code "3"}. */
    String etag() {
        return ETags.format(version);
    }
}
