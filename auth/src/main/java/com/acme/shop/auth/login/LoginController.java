package com.acme.shop.auth.login;

import java.util.Optional;

import com.acme.shop.auth.protection.ClientIp;
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
import com.acme.shop.auth.token.TokenResponse;
import com.acme.shop.common.net.TrustedProxies;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/auth")
@Tag(name = OpenApiConfiguration.AUTH_TAG)
class LoginController {

    private final LoginService logins;

    private final TrustedProxies trustedProxies;

    LoginController(LoginService logins, TrustedProxies trustedProxies) {
        this.logins = logins;
        this.trustedProxies = trustedProxies;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "login", summary = "Log in with e-mail and password",
            description = "Checks the password and answers a new access token and refresh token (a new refresh-token "
                    + "family). Unknown e-mail, wrong password and a throttled or disabled account all get the same "
                    + "401; after 5 failures an account waits (1 s, doubling up to 15 min) before a password is "
                    + "checked again.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = AuthExamples.LOGIN_REQUEST)))
    @ApiResponse(responseCode = "200", description = "Logged in",
            headers = @Header(name = "Cache-Control", description = "`no-store`: tokens are never cached.",
                    schema = @Schema(type = "string", example = "no-store")),
            content = @Content(schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(value = AuthExamples.TOKENS)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "401",
            description = "Unknown e-mail, wrong password, or the account is throttled or disabled (one answer for "
                    + "all, without `WWW-Authenticate`).",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = AuthExamples.INVALID_CREDENTIALS)))
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429",
            description = "Too many failed logins from this client address, or a login for the same account is "
                    + "already being checked; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", ref = ApiDocs.RETRY_AFTER),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = AuthExamples.TOO_MANY_LOGINS)))
    @ApiResponse(responseCode = "503",
            description = "Too many logins are being checked at once (the password-hashing pool is full), or "
                    + "Redis or PostgreSQL cannot be reached; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", ref = ApiDocs.RETRY_AFTER),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = AuthExamples.BUSY)))
    Mono<ResponseEntity<TokenResponse>> login(@Valid @RequestBody Credentials credentials,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        String clientIp = ClientIp.of(exchange.getRequest(), trustedProxies);
        return logins.login(credentials, clientIp).map(LoginController::noStore);
    }

    @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "refresh", summary = "Exchange a refresh token for new tokens",
            description = "Rotates the refresh token: the answer holds a new access token and a new refresh token, "
                    + "and the one sent is used up. Sending a used-up refresh token again is taken as theft: the "
                    + "whole family is revoked (every session that came from the same login). A password change "
                    + "revokes every family too.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = AuthExamples.REFRESH_REQUEST)))
    @ApiResponse(responseCode = "200", description = "New tokens",
            headers = @Header(name = "Cache-Control", description = "`no-store`: tokens are never cached.",
                    schema = @Schema(type = "string", example = "no-store")),
            content = @Content(schema = @Schema(implementation = TokenResponse.class),
                    examples = @ExampleObject(value = AuthExamples.TOKENS)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "401", description = "The refresh token is unknown, expired, used up or revoked.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = AuthExamples.INVALID_REFRESH_TOKEN)))
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "503", ref = ApiDocs.SERVICE_UNAVAILABLE)
    Mono<ResponseEntity<TokenResponse>> refresh(@Valid @RequestBody RefreshRequest request) {
        return logins.refresh(request).map(LoginController::noStore);
    }

    @PostMapping("/logout")
    @Operation(operationId = "logout", summary = "Log out",
            description = "Revokes the presented access token at once (every service refuses it from now on) and, "
                    + "when the body names the session's refresh token, its whole refresh-token family. The body "
                    + "is optional; a refresh token of somebody else is ignored.")
    @RequiresBearer
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RefreshRequest.class),
                    examples = @ExampleObject(value = AuthExamples.REFRESH_REQUEST)))
    @ApiResponse(responseCode = "204", description = "Logged out")
    Mono<ResponseEntity<Void>> logout(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
            @RequestBody(required = false) Mono<RefreshRequest> request) {
        return request.map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(body -> logins.logout(jwt.getSubject(), jwt.getId(), jwt.getExpiresAt(), body.orElse(null)))
            .then(Mono.just(ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build()));
    }

    private static ResponseEntity<TokenResponse> noStore(TokenResponse body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

}
