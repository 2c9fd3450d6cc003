package com.acme.shop.auth.account;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordProperties.class)
class AccountConfiguration {

    @Bean
    PasswordHasher passwordHasher(PasswordProperties properties) {
        if (properties.bcryptCost() < 10) {
            LoggerFactory.getLogger(AccountConfiguration.class)
                    .warn("BCRYPT_COST={} is below 10: acceptable for tests only", properties.bcryptCost());
        }
        return new PasswordHasher(properties.bcryptCost());
    }

    @Bean
    PasswordPolicy passwordPolicy(PasswordProperties properties) {
        return PasswordPolicy.withBundledList(properties.minLength(), properties.maxLength());
    }
}
