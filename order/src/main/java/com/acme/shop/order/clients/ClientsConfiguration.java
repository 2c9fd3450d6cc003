package com.acme.shop.order.clients;

import java.nio.file.Path;

import com.acme.shop.common.requestid.RequestIdExchangeFilterFunction;
import com.acme.shop.order.OrderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    @Bean
    ServiceTokens serviceTokens(OrderProperties properties, Environment environment) {
        String secret = ServiceSecret.load(properties.serviceSecret(), Path.of(properties.keyDir()),
                environment.matchesProfiles("prod"));
        return new ServiceTokens(RequestIdExchangeFilterFunction.webClientBuilder(), properties.authUrl(), secret,
                properties.callTimeout());
    }

    @Bean
    ProductClient productClient(OrderProperties properties, ServiceTokens tokens) {
        return new ProductClient(RequestIdExchangeFilterFunction.webClientBuilder(), properties.productUrl(), tokens);
    }

    @Bean
    PaymentClient paymentClient(OrderProperties properties, ServiceTokens tokens) {
        return new PaymentClient(RequestIdExchangeFilterFunction.webClientBuilder(), properties.paymentUrl(), tokens);
    }

    @Bean
    Retries retries(OrderProperties properties) {
        return new Retries(properties.callTimeout());
    }

}
