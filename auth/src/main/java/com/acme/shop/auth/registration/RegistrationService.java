package com.acme.shop.auth.registration;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.acme.shop.auth.account.Account;
import com.acme.shop.auth.account.AccountRepository;
import com.acme.shop.auth.account.AccountStatus;
import com.acme.shop.auth.account.PasswordHasher;
import com.acme.shop.auth.protection.Bulkhead;
import com.acme.shop.auth.protection.RateLimiter;
import com.acme.shop.auth.registration.MemberClient.MemberUnavailableException;
import com.acme.shop.common.problem.ProblemException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Registration yields an account and a member profile, or neither: the account row is
 * inserted in a transaction that commits only after member created the profile; if the
 * commit then fails, the profile is deleted again.
 */
class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);
    static final String EMAIL_TAKEN = "An account with this e-mail address already exists";

    private final AccountRepository accounts;

    private final PasswordHasher hasher;

    private final MemberClient members;

    private final TransactionalOperator transactions;

    private final RateLimiter ipLimiter;

    private final Bulkhead bcrypt;

    RegistrationService(AccountRepository accounts, PasswordHasher hasher, MemberClient members,
            TransactionalOperator transactions, RateLimiter ipLimiter, Bulkhead bcrypt) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.members = members;
        this.transactions = transactions;
        this.ipLimiter = ipLimiter;
        this.bcrypt = bcrypt;
    }

    /**
     * Every valid request takes a slot of the client address's registration limit (taken
     * or new e-mail alike, so the 409 cannot be used to list accounts fast); the bcrypt
     * runs in the registration bulkhead. The request is valid ({@code @Valid} in the
     * controller).
     */
    Mono<RegisteredAccount> register(RegistrationRequest request, String clientIp) {
        String email = Account.normalizeEmail(request.email());
        String name = request.name().strip();
        return ipLimiter.reserve(clientIp)
            .flatMap(slot -> slot.allowed() ? accounts.countByEmail(email)
                    : Mono.error(ProblemException
                        .of(HttpStatus.TOO_MANY_REQUESTS, "Too many registrations from this address; try again later")
                        .retryAfter(slot.retryAfterSeconds())))
            .flatMap(count -> count > 0 ? Mono.error(emailTaken()) : bcrypt.run(hasher.hash(request.password())))
            .flatMap(hash -> create(
                    new Account(UUID.randomUUID(), email, hash, List.of(Account.USER), AccountStatus.ACTIVE), name))
            .map(account -> new RegisteredAccount(account.id(), account.email(), name));
    }

    private Mono<Account> create(Account account, String name) {
        AtomicBoolean memberCreated = new AtomicBoolean();
        Mono<Account> insertThenProfile = accounts.insert(account)
            .flatMap(inserted -> members.create(inserted.id(), inserted.email(), name))
            .flatMap(outcome -> switch (outcome) {
                case CREATED -> {
                    memberCreated.set(true);
                    yield Mono.just(account);
                }
                case CONFLICT -> Mono.error(emailTaken());
                case REJECTED -> Mono.error(ProblemException.invalid("name", "was rejected by the member service"));
            });
        return transactions.transactional(insertThenProfile)
            .onErrorMap(RegistrationService::isDuplicate, ex -> emailTaken())
            .onErrorMap(MemberUnavailableException.class, ex -> {
                log.warn("Registration rolled back: member service unavailable ({})", ex.getMessage());
                return unavailable();
            })
            .onErrorResume(ex -> memberCreated.get() && !(ex instanceof ProblemException), ex -> {
                log.warn("Registration commit failed after the member profile was created; compensating", ex);
                return members.delete(account.id()).onErrorResume(deleteError -> {
                    log.error("Could not delete member profile {} after a failed registration", account.id());
                    return Mono.empty();
                }).then(Mono.error(unavailable()));
            });
    }

    private static boolean isDuplicate(Throwable ex) {
        return ex instanceof DataIntegrityViolationException || ex instanceof R2dbcDataIntegrityViolationException;
    }

    private static ProblemException emailTaken() {
        return ProblemException.of(HttpStatus.CONFLICT, EMAIL_TAKEN);
    }

    private static ProblemException unavailable() {
        return ProblemException.of(HttpStatus.SERVICE_UNAVAILABLE, "Registration is temporarily unavailable; try again")
            .retryAfter(5);
    }

}
