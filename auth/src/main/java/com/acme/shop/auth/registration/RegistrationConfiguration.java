package com.acme.shop.auth.registration;

import java.time.Clock;
import java.time.Duration;

import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.account.PasswordPolicy;
import com.acme.shop.auth.protection.Bulkhead;
import com.acme.shop.auth.protection.RateLimiter;
import com.acme.shop.auth.token.AccessTokenIssuer;
import com.acme.shop.auth.token.RefreshTokenStore;
import com.acme.shop.common.observability.WebClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MemberProperties.class, AdminProperties.class, RegistrationProperties.class })
class RegistrationConfiguration {

    @Bean
    MemberClient memberClient(MemberProperties properties, AccessTokenIssuer issuer,
            ObjectProvider<ObservationRegistry> observations) {
        return new MemberClient(WebClients.builder(observations), properties, issuer);
    }

    @Bean
    RegistrationService registrationService(AccountRepository accounts, PasswordHasher hasher, MemberClient members,
            ReactiveTransactionManager transactionManager, RegistrationProperties properties,
            ReactiveStringRedisTemplate redis, Clock clock, ObjectProvider<MeterRegistry> meters) {
        RateLimiter ipLimiter = new RateLimiter(redis, "auth:rl:register:", properties.ipLimit(), properties.ipWindow(),
                clock);
        Bulkhead bcrypt = new Bulkhead("registration", properties.bcrypt(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
        return new RegistrationService(accounts, hasher, members, TransactionalOperator.create(transactionManager),
                ipLimiter, bcrypt);
    }

    @Bean
    AdminBootstrap adminBootstrap(AdminProperties admin, AccountRepository accounts, PasswordHasher hasher,
            PasswordPolicy policy, RefreshTokenStore refreshTokens, Environment environment, MemberClient members) {
        // the prod profile (SPRING_PROFILES_ACTIVE=prod) refuses the local default
        // ADMIN_PASSWORD and weak ones
        return new AdminBootstrap(admin, accounts, hasher, policy, refreshTokens, environment.matchesProfiles("prod"),
                members, Duration.ofSeconds(1));
    }

}
