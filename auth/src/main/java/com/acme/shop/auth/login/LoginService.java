package com.acme.shop.auth.login;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.acme.shop.auth.AuthProblems;
import com.acme.shop.auth.account.Account;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.protection.Bulkhead;
import com.acme.shop.auth.protection.RateLimiter;
import com.acme.shop.auth.token.AccessTokenIssuer;
import com.acme.shop.auth.token.AccessTokenSlot;
import com.acme.shop.auth.token.Denylist;
import com.acme.shop.auth.token.RefreshTokenStore;
import com.acme.shop.auth.token.RefreshTokenStore.Rotation;
import com.acme.shop.auth.token.TokenResponse;
import com.acme.shop.common.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Login, refresh and logout: credentials check with throttling, token issuing,
 * revocation.
 */
class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final AccountRepository accounts;

    private final PasswordHasher hasher;

    private final LoginThrottle throttle;

    private final RateLimiter ipLimiter;

    private final Bulkhead bcrypt;

    private final AccessTokenIssuer issuer;

    private final RefreshTokenStore refreshTokens;

    private final Denylist denylist;

    private final LoginMetrics metrics;

    LoginService(AccountRepository accounts, PasswordHasher hasher, LoginThrottle throttle, RateLimiter ipLimiter,
            Bulkhead bcrypt, AccessTokenIssuer issuer, RefreshTokenStore refreshTokens, Denylist denylist,
            LoginMetrics metrics) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.ipLimiter = ipLimiter;
        this.bcrypt = bcrypt;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.denylist = denylist;
        this.metrics = metrics;
    }

    /**
     * Credentials are valid ({@code @Valid} in the controller, so a 400 comes before any
     * limit is touched).
     */
    Mono<TokenResponse> login(Credentials credentials, String clientIp) {
        String email = Account.normalizeEmail(credentials.email());
        String password = credentials.password();
        // Both limits are reserved atomically before any bcrypt; only a success gives the
        // address's slot back.
        return ipLimiter.reserve(clientIp)
            .flatMap(slot -> !slot.allowed() ? throttled(AuthProblems.tooManyLogins(slot.retryAfterSeconds()))
                    : throttle.reserve(email)
                        .flatMap(attempt -> attempt.allowed() ? checkPassword(email, password)
                                : throttled(attempt.busy() ? AuthProblems.tooManyLogins(attempt.retryAfterSeconds())
                                        : AuthProblems.invalidCredentials()))
                        .flatMap(tokens -> ipLimiter.giveBack(slot).thenReturn(tokens)))
            .doOnNext(tokens -> metrics.count(LoginMetrics.Outcome.SUCCESS));
    }

    private <T> Mono<T> throttled(ProblemException refusal) {
        metrics.count(LoginMetrics.Outcome.THROTTLED);
        return Mono.error(refusal);
    }

    /**
     * Runs with a reserved attempt: a success resets the account, a wrong password keeps
     * the failure counted. Reads Redis' clock before the account: a login that started
     * before a password change, and so may have checked the old hash, gets no
     * refresh-token family after that change (see {@link #issue}).
     */
    private Mono<TokenResponse> checkPassword(String email, String password) {
        AtomicBoolean ended = new AtomicBoolean();
        return refreshTokens.serverTimeMillis()
            .flatMap(
                    loginStart -> accounts.findByEmail(email)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(account -> bcrypt
                            .run(hasher.matches(password, account.map(Account::passwordHash).orElse(null)))
                            .flatMap(matches -> {
                                ended.set(true);
                                if (matches && account.get().isActive()) {
                                    return throttle.reset(email)
                                        .then(rehashIfOutdated(account.get(), password))
                                        .then(issue(account.get(), loginStart));
                                }
                                metrics.count(LoginMetrics.Outcome.FAILURE);
                                return throttle.failed(email).then(Mono.error(AuthProblems.invalidCredentials()));
                            })))
            .onErrorResume(ex -> !ended.getAndSet(true), ex -> throttle.release(email).then(Mono.error(ex)))
            .doOnCancel(() -> {
                if (!ended.getAndSet(true)) {
                    throttle.release(email).subscribe(null, ex -> {
                    });
                }
            });
    }

    /**
     * A hash in an old format (plain bcrypt, or a lower cost) is replaced after a
     * successful login (B16).
     */
    private Mono<Void> rehashIfOutdated(Account account, String password) {
        if (!hasher.needsRehash(account.passwordHash())) {
            return Mono.empty();
        }
        return hasher.hash(password)
            .flatMap(newHash -> accounts.rehash(account.id(), account.passwordHash(), newHash))
            .doOnNext(done -> log.info("Password hash of account {} {}", account.id(),
                    done ? "upgraded to the current format" : "changed meanwhile; not upgraded"))
            .onErrorResume(ex -> {
                log.warn("Could not upgrade the password hash of account {}: {}", account.id(), ex.toString());
                return Mono.empty();
            })
            .then();
    }

    /**
     * A refresh-token family for a login that started at {@code loginStart}, or the
     * generic 401 when it is stale.
     */
    private Mono<TokenResponse> issue(Account account, long loginStart) {
        return Mono.defer(() -> {
            AccessTokenSlot slot = issuer.reserve();
            return refreshTokens.startFamily(account.id(), slot, loginStart).switchIfEmpty(Mono.defer(() -> {
                // the password changed while this login was checking the old one
                metrics.count(LoginMetrics.Outcome.FAILURE);
                return Mono.error(AuthProblems.invalidCredentials());
            }))
                .map(family -> TokenResponse.bearer(issuer
                    .issue(account.id(), account.email(), account.roles(), slot, family.tokensValidAfterMillis())
                    .value(), issuer.accessTokenTtlSeconds(), family.refreshToken()));
        });
    }

    /** The request is valid ({@code @Valid} in the controller). */
    Mono<TokenResponse> refresh(RefreshRequest request) {
        String token = request.refreshToken();
        return refreshTokens.find(token)
            .switchIfEmpty(Mono.error(invalidRefreshToken()))
            .flatMap(owner -> accounts.findById(owner.userId())
                .filter(Account::isActive)
                .switchIfEmpty(refreshTokens.revokeFamily(owner.family()).then(Mono.error(invalidRefreshToken())))
                .flatMap(account -> {
                    AccessTokenSlot slot = issuer.reserve();
                    return refreshTokens.rotate(token, owner, slot, account.passwordChangedAtMillis())
                        .flatMap(
                                rotation -> rotation.outcome() == Rotation.Outcome.ROTATED
                                        ? Mono.just(
                                                TokenResponse.bearer(
                                                        issuer
                                                            .issue(account.id(), account.email(), account.roles(), slot,
                                                                    rotation.tokensValidAfterMillis())
                                                            .value(),
                                                        issuer.accessTokenTtlSeconds(), rotation.refreshToken()))
                                        : Mono.error(invalidRefreshToken()));
                }));
    }

    /**
     * Revokes the refresh-token family (only the caller's own) and denylists the
     * presented access token.
     */
    Mono<Void> logout(String subject, String jti, Instant expiresAt, RefreshRequest request) {
        String token = request == null ? null : request.refreshToken();
        Mono<Void> revokeFamily = token == null || token.isBlank() ? Mono.empty()
                : refreshTokens.find(token)
                    .filter(owner -> owner.userId().toString().equals(subject))
                    .flatMap(owner -> refreshTokens.revokeFamily(owner.family()))
                    .then();
        return revokeFamily.then(denylist.deny(jti, expiresAt));
    }

    /**
     * Clears the consecutive-failure counter of an account (an administrator lifting a
     * lockout).
     */
    Mono<Void> unlock(String email) {
        return throttle.reset(Account.normalizeEmail(email));
    }

    private static ProblemException invalidRefreshToken() {
        return AuthProblems.unauthorized("The refresh token is invalid, expired or revoked");
    }

}
