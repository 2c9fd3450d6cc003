package com.acme.shop.auth.login;

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
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/password {current_password, new_password}} with
 * {@code Authorization: Bearer}: 204 once the password is changed and every session of
 * the user is revoked (B12).
 */
@RestController
@Tag(name = OpenApiConfiguration.AUTH_TAG)
class PasswordChangeController {

    private final PasswordChangeService passwords;

    PasswordChangeController(PasswordChangeService passwords) {
        this.passwords = passwords;
    }

    @PostMapping(path = "/api/auth/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changePassword", summary = "Change your password",
            description = "Checks `current_password`, stores `new_password` (the registration rules apply) and ends "
                    + "every session of the account: all refresh-token families and every access token issued "
                    + "before the change are revoked, this one included. Log in again afterwards. Wrong current "
                    + "passwords count as failed logins of the account.")
    @RequiresBearer
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = AuthExamples.PASSWORD_CHANGE_REQUEST)))
    @ApiResponse(responseCode = "204", description = "Changed; every session of the account has ended",
            headers = @Header(name = "Cache-Control", description = "`no-store`",
                    schema = @Schema(type = "string", example = "no-store")))
    @ApiResponse(responseCode = "400",
            description = "`current_password` is blank or `new_password` breaks the "
                    + "password rules; `errors` names the fields.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401",
            description = "Wrong current password, or the account is throttled: the login answer, without "
                    + "`WWW-Authenticate` (which marks a refused token).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(name = "wrong-password", value = AuthExamples.INVALID_CREDENTIALS)))
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    Mono<ResponseEntity<Void>> change(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody PasswordChangeRequest request) {
        return passwords.change(jwt.getSubject(), jwt.getId(), jwt.getExpiresAt(), request)
            .then(Mono.just(ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build()));
    }

}
