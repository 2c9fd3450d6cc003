package com.acme.shop.auth.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** OAuth 2.0 token response shape (RFC 6749 §5.1). */
@Schema(name = "TokenResponse", description = "OAuth 2.0 token response (RFC 6749 §5.1).",
        requiredProperties = { "access_token", "token_type", "expires_in", "refresh_token" })
public record TokenResponse(@Schema(
        description = "ES256 JWT (`typ: at+jwt`); send it as `Authorization: Bearer`.") @JsonProperty("access_token") String accessToken,
        @Schema(allowableValues = "Bearer") @JsonProperty("token_type") String tokenType,
        @Schema(description = "Seconds the access token is valid.",
                example = "300") @JsonProperty("expires_in") long expiresIn,
        @Schema(description = "Opaque; single use: every refresh answers a new one.") @JsonProperty("refresh_token") String refreshToken) {

    public static TokenResponse bearer(String accessToken, long expiresIn, String refreshToken) {
        return new TokenResponse(accessToken, "Bearer", expiresIn, refreshToken);
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
