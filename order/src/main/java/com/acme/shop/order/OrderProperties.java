package com.acme.shop.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Order service settings ({@code shop.order}).
 *
 * @param currency the shop's currency ({@code SHOP_CURRENCY})
 * @param dbTimeout longest wait for one database operation ({@code DB_QUERY_TIMEOUT})
 * @param productUrl base URL of product ({@code PRODUCT_SERVER_URL})
 * @param paymentUrl base URL of payment ({@code PAYMENT_SERVER_URL})
 * @param authUrl base URL of auth, which issues service tokens ({@code AUTH_SERVER_URL})
 * @param serviceSecret secret shared with auth ({@code ORDER_SERVICE_SECRET}); blank:
 * generated once into {@code keyDir} (refused in the {@code prod} profile)
 * @param keyDir where a generated secret is kept ({@code JWT_KEY_DIR})
 * @param callTimeout one call to another service ({@code ORDER_CALL_TIMEOUT})
 * @param checkoutDeadline retries of one checkout step stop here
 * ({@code ORDER_CHECKOUT_DEADLINE})
 * @param duplicateWait how long a repeated checkout waits for the first
 * ({@code ORDER_DUPLICATE_WAIT})
 * @param cancelWindow how long owners may cancel a paid order
 * ({@code ORDER_CANCEL_WINDOW})
 * @param recoveryInterval how often the recovery job runs
 * ({@code ORDER_RECOVERY_INTERVAL}); zero disables the periodic runs (not the one at
 * startup)
 * @param recoveryAfter how long a saga step must be stuck before recovery takes over
 * ({@code ORDER_RECOVERY_AFTER}); longer than the checkout deadline
 */
@ConfigurationProperties("shop.order")
public record OrderProperties(@DefaultValue("EUR") String currency, @DefaultValue("5s") Duration dbTimeout,
        @DefaultValue("http://localhost:5100") String productUrl,
        @DefaultValue("http://localhost:5300") String paymentUrl, @DefaultValue("http://localhost:4000") String authUrl,
        String serviceSecret, @DefaultValue(".data/keys") String keyDir, @DefaultValue("5s") Duration callTimeout,
        @DefaultValue("15s") Duration checkoutDeadline, @DefaultValue("20s") Duration duplicateWait,
        @DefaultValue("30m") Duration cancelWindow, @DefaultValue("30s") Duration recoveryInterval,
        @DefaultValue("60s") Duration recoveryAfter) {

    public OrderProperties {
        if (currency == null || !currency.strip().matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("SHOP_CURRENCY must be an ISO 4217 code such as EUR");
        }
        currency = currency.strip();
        if (recoveryAfter.compareTo(checkoutDeadline) <= 0) {
            throw new IllegalArgumentException("ORDER_RECOVERY_AFTER must be longer than ORDER_CHECKOUT_DEADLINE");
        }
    }

}
