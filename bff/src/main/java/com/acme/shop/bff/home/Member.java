package com.acme.shop.bff.home;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/** A member as the member service returns it; passed through unchanged. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "Member")
record Member(UUID id, String email, String name, @Schema(nullable = true) String phone,
        @Schema(format = "date-time") String createdAt, @Schema(format = "date-time") String updatedAt, Long version) {
}
