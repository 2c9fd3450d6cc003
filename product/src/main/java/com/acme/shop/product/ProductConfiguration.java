package com.acme.shop.product;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database bound shared by the feature packages, and the API description's header.
 */
@Configuration(proxyBeanMethods = false)
class ProductConfiguration {

    /** Name of the bearer scheme the operations refer to. */
    static final String BEARER = "bearer-jwt";

    @Bean
    Bounded bounded(ProductProperties properties) {
        return new Bounded(properties.dbTimeout());
    }

    @Bean
    OpenAPI productOpenApi(ProductProperties properties) {
        return new OpenAPI()
            .info(new Info().title("product")
                .version("1")
                .description("Catalog and stock of the shop. Reading the catalog needs no token; changes need an "
                        + "ADMIN access token (audience shop-product). Prices are integers in minor units of "
                        + properties.currency() + ". /internal/** is called by the order service with a SERVICE "
                        + "token and is never routed by the gateway. POST and PATCH accept an Idempotency-Key "
                        + "(records kept 24 h, IDEMPOTENCY_TTL)."))
            .components(new Components().addSecuritySchemes(BEARER,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

}
