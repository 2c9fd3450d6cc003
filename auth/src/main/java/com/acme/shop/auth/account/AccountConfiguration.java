package com.acme.shop.auth.account;

import com.acme.shop.auth.keys.KeysProperties;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import reactor.core.scheduler.Scheduler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PasswordProperties.class)
class AccountConfiguration {

    /** bcrypt's own low-priority threads ({@link BcryptScheduler}). */
    @Bean(destroyMethod = "dispose")
    Scheduler bcryptScheduler() {
        return BcryptScheduler.create();
    }

    @Bean
    PasswordHasher passwordHasher(PasswordProperties properties, KeysProperties keys, Environment environment,
            Scheduler bcryptScheduler) {
        if (properties.bcryptCost() < 10) {
            LoggerFactory.getLogger(AccountConfiguration.class)
                .warn("BCRYPT_COST={} is below 10: acceptable for tests only", properties.bcryptCost());
        }
        // the prod profile (SPRING_PROFILES_ACTIVE=prod) refuses to start without
        // PASSWORD_PEPPER
        byte[] pepper = PasswordPepper.load(properties.pepper(), keys.dir(), environment.matchesProfiles("prod"));
        return new PasswordHasher(properties.bcryptCost(), pepper, bcryptScheduler);
    }

    @Bean
    PasswordPolicy passwordPolicy(PasswordProperties properties) {
        return PasswordPolicy.withBundledList(properties.minLength(), properties.maxLength());
    }

}
