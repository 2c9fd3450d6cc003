package com.acme.shop.order;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    public static final String BEARER_SCHEME = "bearer-jwt";

    @Bean
    OpenAPI orderOpenApi() {
        return new OpenAPI().info(new Info().title("shop order").version("0.1.0").description("""
                The signed-in user's cart and orders. Checkout (`POST /api/orders`) turns the cart into \
                an order: it reserves the stock, charges the card once and answers 201 with the `PAID` \
                order; 402 for a declined card (the order is `PAYMENT_FAILED`, stock released, cart \
                kept); 409 naming the items short of stock (nothing charged).

                `Idempotency-Key` is required on `POST /api/orders`: one order per user and key, \
                whatever the retries and concurrency; a repeat gets the order of the first request \
                (`Idempotent-Replayed: true`), or 409 with `Retry-After` while the first is still \
                running; the same key with another card gets 422. Card numbers are passed to payment and \
                never stored or logged (the order keeps only a keyed hash of card number and expiry to \
                recognise a reused key).

                Prices in the cart are today's; the order keeps the price and name at the time of \
                purchase. Money is `{amount, currency}` with integer minor units.
                """))
            .components(new Components().addSecuritySchemes(BEARER_SCHEME,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("ES256 access token (typ at+jwt) issued by auth with role USER or ADMIN; "
                                + "audience must contain shop-order.")));
    }

}
