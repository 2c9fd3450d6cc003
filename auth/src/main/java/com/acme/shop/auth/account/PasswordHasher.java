package com.acme.shop.auth.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * bcrypt off the event loop (on {@code boundedElastic}). Passwords over 72 UTF-8 bytes never reach
 * bcrypt: hashing rejects them and matching reports false, so nothing is truncated. A dummy hash of
 * the same cost lets unknown users take as long as known ones (B15).
 */
public class PasswordHasher {

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;
    private final Scheduler scheduler;

    public PasswordHasher(int cost) {
        this(cost, Schedulers.boundedElastic());
    }

    PasswordHasher(int cost, Scheduler scheduler) {
        this.encoder = new BCryptPasswordEncoder(cost, new SecureRandom());
        this.scheduler = scheduler;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    public Mono<String> hash(String password) {
        if (PasswordPolicy.exceedsBcryptLimit(password)) {
            return Mono.error(new IllegalArgumentException("password exceeds 72 bytes"));
        }
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(scheduler);
    }

    /** Checks a password against a hash, or against the dummy hash when {@code hash} is null. */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
            boolean tooLong = password == null || PasswordPolicy.exceedsBcryptLimit(password);
            String candidate = tooLong ? "" : password;
            boolean match = encoder.matches(candidate, hash == null ? dummyHash : hash);
            return match && !tooLong && hash != null;
        }).subscribeOn(scheduler);
    }
}
