package com.acme.shop.auth.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** 201 body of {@code POST /api/auth/register}. */
@Schema(name = "RegisteredAccount", requiredProperties = { "id", "email", "name" })
record RegisteredAccount(@Schema(description = "Account id, also the member id.") UUID id,
        @Schema(description = "As stored (lower case).") String email, String name) {
}
