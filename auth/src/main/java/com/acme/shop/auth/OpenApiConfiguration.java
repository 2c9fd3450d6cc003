package com.acme.shop.auth;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auth API's OpenAPI document ({@code /v3/api-docs}); common adds the shared problem
 * schema, bearer scheme, headers and error responses.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** Tag of registration, login, tokens and passwords. */
    public static final String AUTH_TAG = "auth";

    /** Tag of the public signing keys. */
    public static final String KEYS_TAG = "keys";

    /**
     * Security scheme of {@code POST /internal/service-tokens}: HTTP Basic, client and
     * secret.
     */
    public static final String SERVICE_CLIENT_SCHEME = "service-client-basic";

    @Bean
    OpenAPI authOpenApi() {
        return new OpenAPI()
            .components(new Components().addSecuritySchemes(SERVICE_CLIENT_SCHEME,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A service client and its secret (e.g. `order:<ORDER_SERVICE_SECRET>`)")))
            .info(new Info().title("shop auth").description("""
                    Accounts and tokens: registration, login, refresh-token rotation, logout, password change, token \
                    verification, and the public keys (JWKS) every service verifies access tokens with.

                    **Tokens** follow the OAuth 2.0 token response (RFC 6749 §5.1): `access_token` is an ES256 JWT \
                    (`typ: at+jwt`, 5 minutes), `refresh_token` an opaque value rotated on every use; reusing an old \
                    one revokes its whole family. Answers carrying tokens have `Cache-Control: no-store`.

                    **Login protection.** Unknown e-mail, wrong password and a throttled account get the same 401. \
                    Failed logins are counted per account (delays after 5 failures) and per client address (429 with \
                    `Retry-After`); registrations per client address as well (docs/security.md, B14–B17).

                    No idempotency keys here: login, register and refresh have no caller to scope a key to.

                    **Errors** are `application/problem+json` (`Problem`); validation failures list every invalid \
                    field in `errors`, with the JSON names (`current_password`)."""))
            .addTagsItem(new Tag().name(AUTH_TAG)
                .description("Registration, login, tokens and passwords (routed by the gateway under /api/auth)"))
            .addTagsItem(new Tag().name(KEYS_TAG)
                .description("Public signing keys (routed by the gateway, no token needed)"));
    }

}
