package com.acme.shop.payment;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";

    @Bean
    OpenAPI paymentOpenApi() {
        return new OpenAPI().info(new Info().title("shop payment (internal)").version("0.1.0").description("""
                A simulated card processor for the order service. Internal only: never routed by the \
                gateway; every call needs a SERVICE token with audience `shop-payment`.

                One payment per order id, whatever the retries and concurrency: repeating a charge for \
                an order returns the stored payment (same status and body, `Idempotent-Replayed: true`), \
                never a second charge. Card numbers, expiry dates and CVCs are never stored or logged; \
                a payment keeps the last four digits and a keyed fingerprint.

                Test cards: `4242 4242 4242 4242` succeeds; `4000 0000 0000 0002` → 402 `card_declined`; \
                `4000 0000 0000 9995` → 402 `insufficient_funds`; `4000 0000 0000 0119` → 503 \
                `processing_error` (retryable, nothing stored); any other Luhn-valid number succeeds.

                `PAYMENT_LATENCY` delays every charge and refund; `PAYMENT_FAILURE_RATE` answers that \
                share of charges 503 `processing_error`, before the charge is recorded or after it \
                (`PAYMENT_FAILURE_MODE` before|after|mixed): a retry then returns the stored payment.
                """))
            .components(new Components().addSecuritySchemes(BEARER_SCHEME,
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("ES256 access token (typ at+jwt) issued by auth with role SERVICE; "
                                + "audience must contain shop-payment.")));
    }

}
