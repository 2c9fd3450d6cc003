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
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/admin/unlock {email}} (role ADMIN): clears an account's failure
 * state, lifting its throttling delay at once (B14).
 */
@RestController
@Tag(name = OpenApiConfiguration.AUTH_TAG)
class LockoutController {

    private final LoginService logins;

    LockoutController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping(path = "/api/auth/admin/unlock", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "unlockAccount", summary = "Lift an account's login throttling",
            description = "Clears the account's failed-login counter, so its next login is checked at once. 204 "
                    + "also for an e-mail without account (nothing tells whether it exists).")
    @RequiresBearer(roles = "ADMIN")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = AuthExamples.UNLOCK_REQUEST)))
    @ApiResponse(responseCode = "204", description = "Unlocked")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    Mono<Void> unlock(@Valid @RequestBody UnlockRequest request) {
        return logins.unlock(request.email());
    }

    @Schema(name = "UnlockRequest", requiredProperties = "email")
    record UnlockRequest(@Schema(description = "The account's e-mail (any letter case).",
            example = "ann.lee@example.com") @NotBlank String email) {
    }

}
