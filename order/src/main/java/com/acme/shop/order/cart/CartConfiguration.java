package com.acme.shop.order.cart;

import java.time.Clock;

import com.acme.shop.order.OrderProperties;
import com.acme.shop.order.clients.ProductClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class CartConfiguration {

    @Bean
    CartStore cartStore(DatabaseClient db, TransactionalOperator tx, Clock clock, OrderProperties properties) {
        return new CartStore(db, tx, clock, properties.dbTimeout());
    }

    @Bean
    CartService cartService(CartStore store, ProductClient products, OrderProperties properties) {
        return new CartService(store, products, properties.currency());
    }

}
