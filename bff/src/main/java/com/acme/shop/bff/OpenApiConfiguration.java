package com.acme.shop.bff;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI document served at {@code /v3/api-docs}, Swagger UI at {@code /docs}; common
 * adds the shared problem schema, headers and error responses, and the version.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";

    @Bean
    OpenAPI bffOpenApi(@Value("${shop.bff.idempotency-ttl:86400}") long idempotencyTtlSeconds) {
        return new OpenAPI().info(new Info().title("shop bff").description(description(idempotencyTtlSeconds)))
            .components(new Components().addSecuritySchemes(BEARER_SCHEME,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("ES256 access token (typ at+jwt) issued by the auth service; "
                                + "audience must contain shop-bff.")));
    }

    static String description(long idempotencyTtlSeconds) {
        long hours = idempotencyTtlSeconds / 3600;
        return """
                Backend for frontend: `GET /api/home` aggregates what the home page needs from the \
                auth and member services. A downstream failure or timeout never fails the request: \
                the affected section is `null`, listed in `unavailable`, and `degraded` is `true`.

                **Idempotency keys** (`Idempotency-Key` or `X-Idempotency-Key`, enforced at the \
                gateway on POST and PATCH): a stored result expires %d h (%d s) after the key's first \
                use; after that the same key starts a new request.
                """.formatted(hours, idempotencyTtlSeconds);
    }

}
