package com.acme.shop.auth.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.acme.shop.auth.AuthExamples;
import com.acme.shop.auth.OpenApiConfiguration;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.openapi.RequiresBearer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = OpenApiConfiguration.KEYS_TAG)
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = "application/json")
    @Operation(operationId = "jwks", summary = "Public keys that verify access tokens (JWKS)",
            description = "The current ES256 signing key and the previous ones still trusted (RFC 7517). Services "
                    + "fetch it by the token's `kid` and cache it; cacheable for 5 minutes.")
    @ApiResponse(responseCode = "200", description = "The key set",
            headers = @Header(name = "Cache-Control", description = "`max-age=300, public`",
                    schema = @Schema(type = "string", example = "max-age=300, public")),
            content = @Content(schema = @Schema(implementation = JwkSet.class),
                    examples = @ExampleObject(value = AuthExamples.JWKS)))
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
            .body(keys.jwksJson());
    }

    /** The documented shape of the JWKS (written by Nimbus). */
    @Schema(name = "JwkSet", requiredProperties = "keys")
    record JwkSet(List<Jwk> keys) {
    }

    @Schema(name = "Jwk", description = "A public EC P-256 key (RFC 7517, RFC 7518 §6.2).",
            requiredProperties = { "kty", "crv", "kid", "x", "y" })
    record Jwk(@Schema(allowableValues = "EC") String kty, @Schema(allowableValues = "sig") String use,
            @Schema(allowableValues = "P-256") String crv,
            @Schema(description = "Key id; access tokens name it in their `kid` header.") String kid,
            @Schema(description = "base64url x coordinate") String x,
            @Schema(description = "base64url y coordinate") String y, @Schema(allowableValues = "ES256") String alg) {
    }

}
