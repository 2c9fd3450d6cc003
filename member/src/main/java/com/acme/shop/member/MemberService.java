package com.acme.shop.member;

import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Member use cases over {@link MemberRepository}; every failure is a
 * {@link MemberProblems} answer.
 */
@Service
class MemberService {

    /**
     * How often an update without If-Match retries after losing a race to a concurrent
     * writer.
     */
    private static final int UNCONDITIONAL_UPDATE_ATTEMPTS = 5;

    private final MemberRepository members;

    MemberService(MemberRepository members) {
        this.members = members;
    }

    Mono<MemberPage> list(MemberSearch search) {
        return members.find(search)
            .collectList()
            .zipWith(members.count(search), (content, total) -> MemberPage.of(content, search, total));
    }

    Mono<Member> get(UUID id) {
        return members.findById(id).switchIfEmpty(Mono.error(MemberProblems::notFound));
    }

    Mono<Member> create(MemberData data) {
        return members.insert(UUID.randomUUID(), data, false)
            .onErrorMap(DataIntegrityViolationException.class, ex -> MemberProblems.emailTaken());
    }

    /**
     * Creates the member auth registered, with a sign-in account, idempotently: the same
     * id with the same email again yields the existing member ({@code created == false})
     * and makes sure it is recorded as having an account; an email owned by another id is
     * a conflict.
     */
    Mono<CreateResult> createInternal(UUID id, MemberData data) {
        return members.insertIfAbsent(id, data, true)
            .map(member -> new CreateResult(member, true))
            .switchIfEmpty(Mono.defer(() -> members.findById(id)
                .filter(existing -> existing.email().equalsIgnoreCase(data.email()))
                .flatMap(existing -> members.markHasAccount(id).defaultIfEmpty(existing))
                .map(existing -> new CreateResult(existing, false))
                .switchIfEmpty(Mono.error(MemberProblems::emailTaken))))
            .onErrorMap(DataIntegrityViolationException.class, ex -> MemberProblems.emailTaken());
    }

    /**
     * Replaces the member's fields. With {@code ifMatch} the update applies only to the
     * version it names (else 412); without it the current version is used, and a lost
     * race is retried. Either way the SQL update is conditional on the version it read. A
     * {@code null} email keeps the current one; whether a different email is accepted is
     * {@link EmailChangeRule}'s call ({@code callerIsAdmin}: the caller has the ADMIN
     * role).
     */
    Mono<Member> update(UUID id, String ifMatch, MemberData data, boolean callerIsAdmin) {
        return attemptUpdate(id, ifMatch, data, callerIsAdmin, UNCONDITIONAL_UPDATE_ATTEMPTS);
    }

    private Mono<Member> attemptUpdate(UUID id, String ifMatch, MemberData data, boolean callerIsAdmin,
            int attemptsLeft) {
        return members.findStoredById(id).switchIfEmpty(Mono.error(MemberProblems::notFound)).flatMap(stored -> {
            Member current = stored.member();
            if (ifMatch != null && !ETags.matches(ifMatch, current.version())) {
                return Mono.error(MemberProblems.staleVersion());
            }
            String email = EmailChangeRule.emailToStore(current.email(), data.email(), stored.hasAccount(),
                    callerIsAdmin);
            return members.update(id, current.version(), new MemberData(email, data.name(), data.phone()))
                .onErrorMap(DataIntegrityViolationException.class, ex -> MemberProblems.emailTaken())
                .switchIfEmpty(Mono.defer(() -> ifMatch != null || attemptsLeft <= 1
                        ? get(id).then(Mono.error(MemberProblems.staleVersion()))
                        : attemptUpdate(id, null, data, callerIsAdmin, attemptsLeft - 1)));
        });
    }

    Mono<Void> delete(UUID id) {
        return members.delete(id).flatMap(deleted -> deleted ? Mono.empty() : Mono.error(MemberProblems.notFound()));
    }

    /** Deletes the member if present; absent is fine (internal cleanup is idempotent). */
    Mono<Void> deleteIfPresent(UUID id) {
        return members.delete(id).then();
    }

    record CreateResult(Member member, boolean created) {
    }

}
