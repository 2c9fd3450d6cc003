package com.acme.shop.gateway.observability;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's {@code http.server.requests} convention (replaces Spring Boot's default,
 * which backs off): {@code uri} = the route's path pattern.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObservationProperties.class)
class GatewayObservationConfiguration {

    @Bean
    RouteUriObservationConvention routeUriObservationConvention(ObservationProperties properties) {
        return new RouteUriObservationConvention(properties.getHttp().getServer().getRequests().getName());
    }

}
