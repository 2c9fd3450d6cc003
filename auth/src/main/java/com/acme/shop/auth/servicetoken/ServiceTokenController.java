package com.acme.shop.auth.servicetoken;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.acme.shop.auth.OpenApiConfiguration;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/service-tokens} with {@code Authorization: Basic
 * base64(client:secret)} and {@code {"audience": "shop-product"}} → 200
 * {@code {access_token, token_type: "Bearer", expires_in}} (RFC 6749 §5.1 shape). Wrong
 * or missing credentials → 401 ({@code WWW-Authenticate: Basic}); an audience the client
 * may not get → 403. Never routed by the gateway.
 */
@RestController
@Tag(name = ApiDocs.INTERNAL_TAG)
class ServiceTokenController {

    static final String PATH = "/internal/service-tokens";

    private final ServiceClients clients;

    private final ServiceTokenIssuer issuer;

    ServiceTokenController(ServiceClients clients, ServiceTokenIssuer issuer) {
        this.clients = clients;
        this.issuer = issuer;
    }

    /** Body of the request: the audience the token is for. */
    @Schema(name = "ServiceTokenRequest")
    record ServiceTokenRequest(@Schema(description = "The service the token is for", example = "shop-product",
            requiredMode = Schema.RequiredMode.REQUIRED) String audience) {
    }

    @Operation(operationId = "issueServiceToken", summary = "A SERVICE access token for another service",
            description = "For service-to-service calls (today: order → product and payment). The client "
                    + "authenticates with HTTP Basic (`order:<ORDER_SERVICE_SECRET>`) and names one audience it may "
                    + "get; the answer is a short-lived ES256 access token with role `SERVICE` and that audience. "
                    + "Not routed by the gateway.",
            security = @SecurityRequirement(name = OpenApiConfiguration.SERVICE_CLIENT_SCHEME))
    @RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = ServiceTokenRequest.class),
                    examples = @ExampleObject(value = "{\"audience\":\"shop-product\"}")))
    @ApiResponse(responseCode = "200", description = "The token (RFC 6749 §5.1 shape)",
            content = @Content(schema = @Schema(implementation = ServiceTokenResponse.class),
                    examples = @ExampleObject(value = ServiceTokenResponse.EXAMPLE)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "401", description = "Unknown client or wrong secret",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "The client may not get tokens for this audience",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ServiceTokenResponse issue(
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
                    required = false) String authorization,
            @org.springframework.web.bind.annotation.RequestBody(required = false) ServiceTokenRequest request) {
        ServiceClients.Client client = clients.authenticate(authorization)
            .orElseThrow(() -> ProblemException.of(HttpStatus.UNAUTHORIZED, "Unknown client or wrong secret.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"service-tokens\""));
        String audience = request == null ? null : request.audience();
        if (audience == null || audience.isBlank()) {
            throw ProblemException.invalid("audience", "must not be blank");
        }
        if (!client.audiences().contains(audience.strip())) {
            throw ProblemException.of(HttpStatus.FORBIDDEN,
                    "This client may not get tokens for audience " + audience.strip() + ".");
        }
        return new ServiceTokenResponse(issuer.issue(client.name(), audience.strip()), "Bearer", issuer.ttlSeconds());
    }

    /** The answer: an access token in the OAuth 2.0 token-response shape. */
    @Schema(name = "ServiceTokenResponse")
    record ServiceTokenResponse(
            @JsonProperty("access_token") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "ES256 JWT, role SERVICE, the requested audience") String accessToken,
            @JsonProperty("token_type") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "Bearer") String tokenType,
            @JsonProperty("expires_in") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Seconds the token lives", example = "60") long expiresIn) {

        static final String EXAMPLE = "{\"access_token\":\"eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9.e30.c2ln\","
                + "\"token_type\":\"Bearer\",\"expires_in\":60}";

    }

}
