package com.acme.shop.web.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** OAuth 2.0 token response (RFC 6749 §5.1) as auth answers login and refresh. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn, @JsonProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]";
    }
}
