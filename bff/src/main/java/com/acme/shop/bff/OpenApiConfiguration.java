package com.acme.shop.bff;

import java.util.LinkedHashSet;
import java.util.List;

import com.acme.shop.common.openapi.ApiDocs;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

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

    static final String HOME_SCHEMA = "Home";

    static final List<String> NULLABLE_LISTS = List.of("featuredProducts", "latestOrders");

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

    /**
     * {@code GET /api/home} takes a bearer but does not need one: its security is "none
     * or the bearer" ({@code [{}, {bearer-jwt: []}]}), with the shared 401 (a token that
     * is sent is verified) and 503 (its revocation cannot be checked) answers.
     */
    @Bean
    OpenApiCustomizer optionalBearerOnHome() {
        return openApi -> {
            PathItem home = openApi.getPaths() != null
                    ? openApi.getPaths().get(BffSecurityConfiguration.OPTIONAL_TOKEN_PATH) : null;
            Operation get = home != null ? home.getGet() : null;
            if (get == null) {
                return;
            }
            get.setSecurity(List.of(new SecurityRequirement(), new SecurityRequirement().addList(ApiDocs.BEARER)));
            get.addExtension(ApiDocs.ROLES_EXTENSION, List.of());
            ApiResponses responses = get.getResponses() != null ? get.getResponses() : new ApiResponses();
            responses.putIfAbsent("401", new ApiResponse().$ref(ApiDocs.UNAUTHORIZED));
            responses.putIfAbsent("503", new ApiResponse().$ref(ApiDocs.SERVICE_UNAVAILABLE));
            get.setResponses(responses);
        };
    }

    /**
     * The section lists of {@code Home} are {@code null} when their service is
     * unavailable (or, for {@code latestOrders}, for an anonymous caller): type
     * {@code ["array", "null"]}, which springdoc does not derive from the annotations.
     */
    @Bean
    OpenApiCustomizer nullableSectionLists() {
        return openApi -> {
            Schema<?> home = openApi.getComponents() != null && openApi.getComponents().getSchemas() != null
                    ? openApi.getComponents().getSchemas().get(HOME_SCHEMA) : null;
            if (home == null || home.getProperties() == null) {
                return;
            }
            for (String name : NULLABLE_LISTS) {
                Schema<?> list = home.getProperties().get(name);
                if (list != null) {
                    list.setTypes(new LinkedHashSet<>(List.of("array", "null")));
                }
            }
        };
    }

    static String description(long idempotencyTtlSeconds) {
        long hours = idempotencyTtlSeconds / 3600;
        return """
                Backend for frontend: `GET /api/home` aggregates what the home page needs from the \
                auth, member, product and order services. A downstream failure or timeout never fails \
                the request: the affected section is `null`, listed in `unavailable`, and `degraded` is \
                `true`. Without a token only the public featured products are filled.

                **Idempotency keys** (`Idempotency-Key` or `X-Idempotency-Key`, enforced at the \
                gateway on POST and PATCH): a stored result expires %d h (%d s) after the key's first \
                use; after that the same key starts a new request.
                """.formatted(hours, idempotencyTtlSeconds);
    }

}
