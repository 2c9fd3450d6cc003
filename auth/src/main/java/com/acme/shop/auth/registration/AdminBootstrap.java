package com.acme.shop.auth.registration;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.acme.shop.auth.account.Account;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.AccountStatus;
import com.acme.shop.auth.account.PasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Creates the bootstrap administrator (roles USER, ADMIN) before the server accepts requests, then
 * makes sure it has a member profile, retrying in the background until member answers.
 */
class AdminBootstrap implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties admin;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final MemberClient members;
    private final Duration firstRetry;
    private Disposable profileTask;

    AdminBootstrap(AdminProperties admin, AccountRepository accounts, PasswordHasher hasher, MemberClient members,
            Duration firstRetry) {
        this.admin = admin;
        this.accounts = accounts;
        this.hasher = hasher;
        this.members = members;
        this.firstRetry = firstRetry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (admin.password() == null || admin.password().isEmpty()) {
            log.warn("ADMIN_PASSWORD is not set: no bootstrap administrator");
            return;
        }
        String email = Account.normalizeEmail(admin.email());
        Account account = accounts.findByEmail(email)
                .switchIfEmpty(Mono.defer(() -> hasher.hash(admin.password())
                        .flatMap(hash -> accounts.insertIfAbsent(new Account(UUID.randomUUID(), email, hash,
                                List.of(Account.USER, Account.ADMIN), AccountStatus.ACTIVE)))
                        .doOnNext(created -> {
                            if (created) {
                                log.info("Created bootstrap administrator {}", email);
                            }
                        })
                        .then(accounts.findByEmail(email))))
                .block(Duration.ofSeconds(60));
        if (account == null) {
            throw new IllegalStateException("Could not create the bootstrap administrator " + email);
        }
        log.info("Bootstrap administrator: {}", email);
        profileTask = members.create(account.id(), account.email(), admin.name())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, firstRetry).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(outcome -> log.info("Member profile of the bootstrap administrator: {}", outcome),
                        ex -> log.warn("Could not ensure the administrator's member profile: {}", ex.toString()));
    }

    @Override
    public void destroy() {
        if (profileTask != null) {
            profileTask.dispose();
        }
    }
}
