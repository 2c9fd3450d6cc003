package com.acme.shop.auth.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.shop.auth.account.Account;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.AccountStatus;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.account.PasswordPolicy;
import com.acme.shop.auth.token.RefreshTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Creates the bootstrap administrator (roles USER, ADMIN) before the server accepts
 * requests, then makes sure it has a member profile, retrying in the background until
 * member answers.
 * <ul>
 * <li>In the {@code prod} profile it refuses to start with the local default password or
 * an {@code ADMIN_PASSWORD} that fails the password policy.</li>
 * <li>When {@code ADMIN_EMAIL} already belongs to an account without the ADMIN role
 * (someone registered that address), it refuses to start, in every profile: promoting
 * that account would hand administration to whoever registered it. With
 * {@code ADMIN_TAKE_OVER=true} the account becomes the administrator instead: ADMIN role,
 * active, password replaced by {@code ADMIN_PASSWORD}, and every session and token of it
 * revoked (like a password change). An account that already is an administrator keeps its
 * password; a plain-bcrypt hash of it that still matches {@code ADMIN_PASSWORD} is
 * rewritten in the peppered format.</li>
 * </ul>
 */
class AdminBootstrap implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final AdminProperties admin;

    private final AccountRepository accounts;

    private final PasswordHasher hasher;

    private final PasswordPolicy policy;

    private final RefreshTokenStore refreshTokens;

    private final boolean production;

    private final MemberClient members;

    private final Duration firstRetry;

    private Disposable profileTask;

    AdminBootstrap(AdminProperties admin, AccountRepository accounts, PasswordHasher hasher, PasswordPolicy policy,
            RefreshTokenStore refreshTokens, boolean production, MemberClient members, Duration firstRetry) {
        this.admin = admin;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.refreshTokens = refreshTokens;
        this.production = production;
        this.members = members;
        this.firstRetry = firstRetry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (admin.password() == null || admin.password().isEmpty()) {
            log.warn("ADMIN_PASSWORD is not set: no bootstrap administrator");
            return;
        }
        if (production) {
            refuseLocalDefaults(admin.password(), policy);
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
            .block(STARTUP_TIMEOUT);
        if (account == null) {
            throw new IllegalStateException("Could not create the bootstrap administrator " + email);
        }
        if (!account.roles().contains(Account.ADMIN)) {
            if (!admin.takeOver()) {
                throw new IllegalStateException("ADMIN_EMAIL=" + email + " belongs to an existing account without "
                        + "the ADMIN role (it was registered by someone). Refusing to start rather than promote it: "
                        + "set ADMIN_EMAIL to another address, or set ADMIN_TAKE_OVER=true to make that account the "
                        + "administrator (its password is replaced by ADMIN_PASSWORD and all its sessions are ended).");
            }
            account = takeOver(account);
        }
        else {
            rehashIfOutdated(account);
        }
        log.info("Bootstrap administrator: {}", email);
        profileTask = members.create(account.id(), account.email(), admin.name())
            .retryWhen(Retry.backoff(Long.MAX_VALUE, firstRetry).maxBackoff(Duration.ofSeconds(30)))
            .subscribe(outcome -> log.info("Member profile of the bootstrap administrator: {}", outcome),
                    ex -> log.warn("Could not ensure the administrator's member profile: {}", ex.toString()));
    }

    /**
     * The prod profile's check of ADMIN_PASSWORD: not the local default, and acceptable
     * to the password policy.
     */
    static void refuseLocalDefaults(String password, PasswordPolicy policy) {
        if (AdminProperties.LOCAL_DEFAULT_PASSWORD.equals(password)) {
            throw new IllegalStateException("ADMIN_PASSWORD is the local default ("
                    + AdminProperties.LOCAL_DEFAULT_PASSWORD
                    + "), which the prod profile refuses: set ADMIN_PASSWORD to a secret passphrase, or leave it empty "
                    + "for no bootstrap administrator");
        }
        policy.violation(password).ifPresent(reason -> {
            throw new IllegalStateException(
                    "ADMIN_PASSWORD fails the password policy in the prod profile: Password " + reason);
        });
    }

    /**
     * ADMIN_TAKE_OVER: revokes every session of the account (and sets its
     * tokens-valid-after instant) around the replacement of its hash and roles, in the
     * same steps as a password change.
     */
    private Account takeOver(Account account) {
        Account updated = hasher.hash(admin.password())
            .flatMap(newHash -> refreshTokens.revokeAllSessions(account.id())
                .flatMap(before -> accounts.takeOverAsAdmin(account.id(), account.passwordHash(), newHash,
                        List.of(Account.USER, Account.ADMIN), Instant.ofEpochMilli(before.tokensValidAfterMillis())))
                .flatMap(done -> done
                        ? refreshTokens.revokeAllSessions(account.id()).then(accounts.findById(account.id()))
                        : Mono.error(new IllegalStateException(
                                "The account of ADMIN_EMAIL changed during the " + "take-over; restart to try again"))))
            .block(STARTUP_TIMEOUT);
        log.warn("ADMIN_TAKE_OVER: account {} ({}) is now the bootstrap administrator; its password was replaced by "
                + "ADMIN_PASSWORD and all its sessions were ended", account.id(), account.email());
        return updated;
    }

    /**
     * An administrator whose hash is in an old format (plain bcrypt) and still matches
     * ADMIN_PASSWORD gets the current format now rather than at its next login. A hash
     * that does not match (the password was changed since) is left for that login.
     */
    private void rehashIfOutdated(Account account) {
        if (!hasher.needsRehash(account.passwordHash())) {
            return;
        }
        Boolean upgraded = hasher.matches(admin.password(), account.passwordHash())
            .flatMap(matches -> matches
                    ? hasher.hash(admin.password())
                        .flatMap(newHash -> accounts.rehash(account.id(), account.passwordHash(), newHash))
                    : Mono.just(false))
            .block(STARTUP_TIMEOUT);
        if (Boolean.TRUE.equals(upgraded)) {
            log.info("Password hash of the bootstrap administrator upgraded to the current format");
        }
    }

    @Override
    public void destroy() {
        if (profileTask != null) {
            profileTask.dispose();
        }
    }

}
