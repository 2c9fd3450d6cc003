package com.acme.shop.member;

import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Member use cases over {@link MemberRepository}; every failure is one of the member exceptions. */
@Service
class MemberService {

    /** How often an update without If-Match retries after losing a race to a concurrent writer. */
    private static final int UNCONDITIONAL_UPDATE_ATTEMPTS = 5;

    private final MemberRepository members;

    MemberService(MemberRepository members) {
        this.members = members;
    }

    Mono<MemberPage> list(MemberSearch search) {
        return members.find(search).collectList()
                .zipWith(members.count(search), (content, total) -> MemberPage.of(content, search, total));
    }

    Mono<Member> get(UUID id) {
        return members.findById(id).switchIfEmpty(Mono.error(MemberNotFoundException::new));
    }

    Mono<Member> create(MemberData data) {
        return members.insert(UUID.randomUUID(), data).onErrorMap(DataIntegrityViolationException.class,
                ex -> new EmailTakenException());
    }

    /**
     * Creates the member auth registered, idempotently: the same id with the same email again yields
     * the existing member ({@code created == false}); an email owned by another id is a conflict.
     */
    Mono<CreateResult> createInternal(UUID id, MemberData data) {
        return members.insertIfAbsent(id, data)
                .map(member -> new CreateResult(member, true))
                .switchIfEmpty(Mono.defer(() -> members.findById(id)
                        .filter(existing -> existing.email().equalsIgnoreCase(data.email()))
                        .map(existing -> new CreateResult(existing, false))
                        .switchIfEmpty(Mono.error(EmailTakenException::new))))
                .onErrorMap(DataIntegrityViolationException.class, ex -> new EmailTakenException());
    }

    /**
     * Replaces the member's fields. With {@code ifMatch} the update applies only to the version it
     * names (else 412); without it the current version is used, and a lost race is retried. Either way
     * the SQL update is conditional on the version it read. A {@code null} email keeps the current one.
     * Without {@code emailChangeAllowed} a different email is refused: a member's email is also the
     * sign-in email that auth holds, so members may not change their own.
     */
    Mono<Member> update(UUID id, String ifMatch, MemberData data, boolean emailChangeAllowed) {
        return attemptUpdate(id, ifMatch, data, emailChangeAllowed, UNCONDITIONAL_UPDATE_ATTEMPTS);
    }

    private Mono<Member> attemptUpdate(UUID id, String ifMatch, MemberData data, boolean emailChangeAllowed,
            int attemptsLeft) {
        return get(id).flatMap(current -> {
            if (ifMatch != null && !ETags.matches(ifMatch, current.version())) {
                return Mono.error(new StaleVersionException());
            }
            if (!emailChangeAllowed && data.email() != null && !data.email().equalsIgnoreCase(current.email())) {
                return Mono.error(new InvalidMemberException(List.of(new FieldProblem("email",
                        "is your sign-in email and can only be changed by an administrator"))));
            }
            MemberData changes = data.email() == null || !emailChangeAllowed
                    ? new MemberData(current.email(), data.name(), data.phone()) : data;
            return members.update(id, current.version(), changes)
                    .onErrorMap(DataIntegrityViolationException.class, ex -> new EmailTakenException())
                    .switchIfEmpty(Mono.defer(() -> ifMatch != null || attemptsLeft <= 1
                            ? get(id).then(Mono.error(new StaleVersionException()))
                            : attemptUpdate(id, null, data, emailChangeAllowed, attemptsLeft - 1)));
        });
    }

    Mono<Void> delete(UUID id) {
        return members.delete(id).flatMap(deleted -> deleted ? Mono.empty() : Mono.error(new MemberNotFoundException()));
    }

    /** Deletes the member if present; absent is fine (internal cleanup is idempotent). */
    Mono<Void> deleteIfPresent(UUID id) {
        return members.delete(id).then();
    }

    record CreateResult(Member member, boolean created) {
    }
}
