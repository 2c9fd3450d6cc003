package com.acme.shop.auth.registration;

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
import com.acme.shop.common.net.TrustedProxies;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = OpenApiConfiguration.AUTH_TAG)
class RegistrationController {

    private final RegistrationService registrations;

    private final TrustedProxies trustedProxies;

    RegistrationController(RegistrationService registrations, TrustedProxies trustedProxies) {
        this.registrations = registrations;
        this.trustedProxies = trustedProxies;
    }

    @PostMapping(path = "/api/auth/register", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "register", summary = "Create an account",
            description = "Creates the sign-in account (role USER) and its member profile with the same id, or "
                    + "neither. Passwords: 15 to 128 characters of any kind, common passwords refused. Then log in.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = AuthExamples.REGISTER_REQUEST)))
    @ApiResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RegisteredAccount.class),
                    examples = @ExampleObject(value = AuthExamples.REGISTERED)))
    @ApiResponse(responseCode = "400",
            description = "A field is invalid (e.g. the password breaks the rules); "
                    + "`errors` names every invalid field.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = AuthExamples.WEAK_PASSWORD)))
    @ApiResponse(responseCode = "409", description = "An account with this e-mail exists already.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = AuthExamples.EMAIL_TAKEN)))
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    @ApiResponse(responseCode = "429",
            description = "Too many registrations from this client address; retry after `Retry-After` seconds.",
            headers = @Header(name = "Retry-After", ref = ApiDocs.RETRY_AFTER),
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = AuthExamples.TOO_MANY_REGISTRATIONS)))
    @ApiResponse(responseCode = "503", ref = ApiDocs.SERVICE_UNAVAILABLE)
    Mono<RegisteredAccount> register(@Valid @RequestBody RegistrationRequest request,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        return registrations.register(request, ClientIp.of(exchange.getRequest(), trustedProxies));
    }

}
