package com.acme.shop.auth.servicetoken;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.acme.shop.auth.keys.SigningKeys;
import com.acme.shop.auth.token.TokenProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The service clients and their token issuer. {@code ORDER_SERVICE_SECRET} (shared with
 * the order service) is read here directly, so auth's application.yml stays as it was;
 * tokens live {@code shop.auth.token.service-token-ttl} (60 s by default).
 */
@Configuration(proxyBeanMethods = false)
class ServiceTokenConfiguration {

    static final String ORDER = "order";

    static final String ORDER_SECRET_VARIABLE = "ORDER_SERVICE_SECRET";

    @Bean
    ServiceClients serviceClients(@Value("${" + ORDER_SECRET_VARIABLE + ":}") String orderSecret,
            @Value("${shop.auth.keys.dir:.data/keys}") String keyDir, Environment environment) {
        String secret = ServiceClients.secret(ORDER, orderSecret, ORDER_SECRET_VARIABLE, Path.of(keyDir),
                environment.matchesProfiles("prod"));
        return new ServiceClients(
                List.of(new ServiceClients.Client(ORDER, secret, Set.of("shop-product", "shop-payment"))));
    }

    @Bean
    ServiceTokenIssuer serviceTokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        return new ServiceTokenIssuer(keys, properties.issuer(), properties.serviceTokenTtl(), clock);
    }

}
