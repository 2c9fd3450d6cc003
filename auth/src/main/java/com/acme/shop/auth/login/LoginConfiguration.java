package com.acme.shop.auth.login;

import java.time.Clock;

import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.protection.Bulkhead;
import com.acme.shop.auth.protection.RateLimiter;
import com.acme.shop.auth.token.AccessTokenIssuer;
import com.acme.shop.auth.token.Denylist;
import com.acme.shop.auth.token.RefreshTokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class LoginConfiguration {

    @Bean
    LoginThrottle loginThrottle(ReactiveStringRedisTemplate redis, LoginProperties properties, Clock clock) {
        return new LoginThrottle(redis, ThrottlePolicy.from(properties, clock), properties, clock);
    }

    @Bean
    LoginService loginService(AccountRepository accounts, PasswordHasher hasher, ReactiveStringRedisTemplate redis,
            LoginProperties properties, LoginThrottle throttle, AccessTokenIssuer issuer,
            RefreshTokenStore refreshTokens, Denylist denylist, Clock clock, ObjectProvider<MeterRegistry> meters) {
        RateLimiter ipLimiter = new RateLimiter(redis, "auth:rl:login:", properties.ipLimit(), properties.ipWindow(),
                clock);
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        Bulkhead bcrypt = new Bulkhead("login", properties.bcrypt(), registry);
        return new LoginService(accounts, hasher, throttle, ipLimiter, bcrypt, issuer, refreshTokens, denylist,
                LoginMetrics.register(registry));
    }

    @Bean
    PasswordChangeService passwordChangeService(AccountRepository accounts, PasswordHasher hasher,
            LoginThrottle throttle, RefreshTokenStore refreshTokens, Denylist denylist) {
        return new PasswordChangeService(accounts, hasher, throttle, refreshTokens, denylist);
    }

}
