package com.acme.shop.auth.keys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeysProperties.class)
class KeysConfiguration {

    @Bean
    SigningKeys signingKeys(KeysProperties properties) {
        return SigningKeysLoader.load(properties);
    }

}
