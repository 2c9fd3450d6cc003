package com.acme.shop.order.clients;

import java.nio.file.Path;

import com.acme.shop.common.observability.WebClients;
import com.acme.shop.order.OrderProperties;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * order's clients of auth (SERVICE tokens), product and payment: each observed
 * ({@code http.client.requests}, the trace continues downstream) and carrying the request
 * id.
 */
@Configuration(proxyBeanMethods = false)
class ClientsConfiguration {

    @Bean
    ServiceTokens serviceTokens(OrderProperties properties, Environment environment,
            ObjectProvider<ObservationRegistry> observations) {
        String secret = ServiceSecret.load(properties.serviceSecret(), Path.of(properties.keyDir()),
                environment.matchesProfiles("prod"));
        return new ServiceTokens(WebClients.builder(observations), properties.authUrl(), secret,
                properties.callTimeout());
    }

    @Bean
    ProductClient productClient(OrderProperties properties, ServiceTokens tokens,
            ObjectProvider<ObservationRegistry> observations) {
        return new ProductClient(WebClients.builder(observations), properties.productUrl(), tokens);
    }

    @Bean
    PaymentClient paymentClient(OrderProperties properties, ServiceTokens tokens,
            ObjectProvider<ObservationRegistry> observations) {
        return new PaymentClient(WebClients.builder(observations), properties.paymentUrl(), tokens);
    }

    @Bean
    Retries retries(OrderProperties properties) {
        return new Retries(properties.callTimeout());
    }

}
