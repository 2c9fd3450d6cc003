package com.acme.shop.product;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Product service settings ({@code shop.product}).
 *
 * @param seedDemoData apply the demo products migration ({@code SEED_DEMO_DATA}); off in
 * production
 * @param currency the shop's one ISO 4217 currency ({@code SHOP_CURRENCY}); every price
 * is in it
 * @param idempotencyRequiredRoutes routes on which an idempotency key is required, as
 * {@code "METHOD /path-pattern"}; none by default, so plain clients work
 * @param dbTimeout longest wait for one database operation (a whole reservation
 * transaction), connection included ({@code DB_QUERY_TIMEOUT}); past it the request
 * answers 503
 */
@ConfigurationProperties("shop.product")
public record ProductProperties(@DefaultValue("false") boolean seedDemoData, @DefaultValue("EUR") String currency,
        @DefaultValue List<String> idempotencyRequiredRoutes, @DefaultValue("5s") Duration dbTimeout) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public ProductProperties {
        if (currency == null || !ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("SHOP_CURRENCY must be an ISO 4217 code such as EUR, got: " + currency);
        }
    }
}
