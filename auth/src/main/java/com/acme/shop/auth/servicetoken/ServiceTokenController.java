package com.acme.shop.auth.servicetoken;

import java.util.Map;

import com.acme.shop.common.problem.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
class ServiceTokenController {

    static final String PATH = "/internal/service-tokens";

    private final ServiceClients clients;

    private final ServiceTokenIssuer issuer;

    ServiceTokenController(ServiceClients clients, ServiceTokenIssuer issuer) {
        this.clients = clients;
        this.issuer = issuer;
    }

    /** Body of the request: the audience the token is for. */
    record ServiceTokenRequest(String audience) {
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> issue(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) ServiceTokenRequest request) {
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
        return Map.of("access_token", issuer.issue(client.name(), audience.strip()), "token_type", "Bearer",
                "expires_in", issuer.ttlSeconds());
    }

}
