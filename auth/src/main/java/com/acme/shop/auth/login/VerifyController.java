package com.acme.shop.auth.login;

import java.util.List;

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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/auth/verify}: whose is this (valid, not revoked) bearer token. */
@RestController
@Tag(name = OpenApiConfiguration.AUTH_TAG)
class VerifyController {

    @GetMapping(path = "/api/auth/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "verifyToken", summary = "Whose token is this",
            description = "Checks the bearer token like every service does (signature, issuer, audience, expiry, "
                    + "revocation) and says whose it is.")
    @RequiresBearer
    @ApiResponse(responseCode = "200", description = "The token is valid",
            content = @Content(schema = @Schema(implementation = TokenOwner.class),
                    examples = @ExampleObject(value = AuthExamples.VERIFIED)))
    ResponseEntity<TokenOwner> verify(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        TokenOwner body = new TokenOwner(jwt.getSubject(), jwt.getClaimAsString("email"),
                roles == null ? List.of() : roles,
                jwt.getExpiresAt() == null ? null : jwt.getExpiresAt().getEpochSecond());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    @Schema(name = "TokenOwner", requiredProperties = { "sub", "email", "roles", "exp" })
    record TokenOwner(@Schema(description = "The account id.", format = "uuid") String sub, @Schema(types = {
            "string", "null" }) String email,
            @Schema(description = "`USER`, and `ADMIN` for administrators.") List<String> roles,
            @Schema(description = "Expiry of the token, seconds since the epoch.") Long exp){
    }

}
