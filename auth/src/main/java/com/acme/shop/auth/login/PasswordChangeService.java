package com.acme.shop.auth.login;

import java.time.Instant;
import java.util.UUID;

import com.acme.shop.auth.AuthProblems;
import com.acme.shop.auth.account.Account;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.token.Denylist;
import com.acme.shop.auth.token.RefreshTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Password change (B12): the current password is checked like a login (bcrypt off the
 * event loop, per-account throttling, the generic 401 while throttled), the new one
 * against the registration policy (B16, B17). On success the hash is replaced, every
 * refresh-token family of the user is revoked with the jti of each of its access tokens,
 * the user's "tokens valid after" instant is set (so no access token issued before it is
 * accepted anywhere, and no login that checked the old password gets a session), and the
 * presented access token is denylisted.
 */
class PasswordChangeService {

    private static final Logger log = LoggerFactory.getLogger(PasswordChangeService.class);

    private final AccountRepository accounts;

    private final PasswordHasher hasher;

    private final LoginThrottle throttle;

    private final RefreshTokenStore refreshTokens;

    private final Denylist denylist;

    PasswordChangeService(AccountRepository accounts, PasswordHasher hasher, LoginThrottle throttle,
            RefreshTokenStore refreshTokens, Denylist denylist) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.denylist = denylist;
    }

    /**
     * Changes the password of the token's subject; {@code jti}/{@code expiresAt} are the
     * presented token's. The request is valid ({@code @Valid} in the controller: current
     * password present, new one within the policy).
     */
    Mono<Void> change(String subject, String jti, Instant expiresAt, PasswordChangeRequest request) {
        UUID userId = parseUuid(subject);
        if (userId == null) {
            return Mono.error(AuthProblems.invalidCredentials());
        }
        return accounts.findById(userId)
            .filter(Account::isActive)
            .switchIfEmpty(
                    hasher.matches(request.currentPassword(), null).then(Mono.error(AuthProblems.invalidCredentials())))
            .flatMap(account -> throttle.allowsAttempt(account.email())
                .flatMap(allowed -> allowed ? checkCurrent(account, request.currentPassword())
                        : hasher.matches(request.currentPassword(), null)
                            .then(Mono.error(AuthProblems.invalidCredentials())))
                .then(hasher.hash(request.newPassword()))
                .flatMap(newHash -> replace(account, newHash)))
            .then(denylist.deny(jti, expiresAt));
    }

    /**
     * Ends every session of the user around the hash replacement, each time in one Redis
     * script that sets the user's "tokens valid after" instant and revokes all families
     * ({@link RefreshTokenStore#revokeAllSessions}):
     * <ol>
     * <li>before: Redis down means nothing has changed yet (503); the instant is stored
     * as {@code password_changed_at};</li>
     * <li>the hash is replaced only if it is still the one checked (a concurrent change
     * wins, this one gets 401);</li>
     * <li>after: a login that read the old hash began before this second instant, so its
     * family is either revoked now or refused when it is created, and its access token is
     * denylisted or refused by iat.</li>
     * </ol>
     */
    private Mono<Void> replace(Account account, String newHash) {
        return refreshTokens.revokeAllSessions(account.id())
            .flatMap(before -> accounts
                .updatePasswordHash(account.id(), account.passwordHash(), newHash,
                        Instant.ofEpochMilli(before.tokensValidAfterMillis()))
                // false: a concurrent change won, so the password checked is no longer
                // the current one
                .flatMap(updated -> updated ? refreshTokens.revokeAllSessions(account.id())
                        : Mono.error(AuthProblems.invalidCredentials()))
                .doOnNext(after -> log.info("Password changed for account {}; {} refresh tokens revoked", account.id(),
                        before.refreshTokensKilled() + after.refreshTokensKilled())))
            .then();
    }

    private Mono<Void> checkCurrent(Account account, String currentPassword) {
        return hasher.matches(currentPassword, account.passwordHash())
            .flatMap(matches -> matches ? throttle.reset(account.email())
                    : throttle.recordFailure(account.email()).then(Mono.error(AuthProblems.invalidCredentials())));
    }

    private static UUID parseUuid(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

}
