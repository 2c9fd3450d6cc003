package com.acme.shop.order.checkout;

import java.nio.file.Path;
import java.time.Clock;

import com.acme.shop.order.OrderProperties;
import com.acme.shop.order.cart.CartStore;
import com.acme.shop.order.clients.PaymentClient;
import com.acme.shop.order.clients.ProductClient;
import com.acme.shop.order.clients.Retries;
import com.acme.shop.order.clients.ServiceSecret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class CheckoutConfiguration {

    @Bean
    OrderStore orderStore(DatabaseClient db, TransactionalOperator tx, CartStore carts, Clock clock,
            OrderProperties properties) {
        return new OrderStore(db, tx, carts, clock, properties.dbTimeout());
    }

    @Bean
    Saga saga(OrderStore store, ProductClient products, PaymentClient payments, Retries retries,
            OrderProperties properties) {
        return new Saga(store, products, payments, retries, properties.checkoutDeadline(), properties.currency());
    }

    @Bean
    CheckoutService checkoutService(OrderStore store, CartStore carts, Saga saga, OrderProperties properties,
            Environment environment) {
        String secret = ServiceSecret.load(properties.serviceSecret(), Path.of(properties.keyDir()),
                environment.matchesProfiles("prod"));
        return new CheckoutService(store, carts, saga, properties.currency(), properties.duplicateWait(),
                new CheckoutFingerprints(secret));
    }

    @Bean
    OrderService orderService(OrderStore store, Saga saga, OrderProperties properties) {
        return new OrderService(store, saga, properties.cancelWindow());
    }

    @Bean(destroyMethod = "stop")
    RecoveryJob recoveryJob(OrderStore store, Saga saga, OrderProperties properties) {
        return new RecoveryJob(store, saga, properties.recoveryInterval(), properties.recoveryAfter());
    }

}
