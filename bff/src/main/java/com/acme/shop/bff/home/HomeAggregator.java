package com.acme.shop.bff.home;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Builds the home view from three downstream reads that run in parallel. Each read has
 * its own timeout; a failure, an empty answer or a timeout turns only that section into
 * {@code null} (listed in {@code unavailable}), never the whole response into an error.
 */
final class HomeAggregator {

    static final String USER = "user";
    static final String SESSION = "session";
    static final String ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(HomeAggregator.class);

    private final HomeDownstream downstream;

    private final Duration authTimeout;

    private final Duration memberTimeout;

    private final int newestMembers;

    HomeAggregator(HomeDownstream downstream, Duration authTimeout, Duration memberTimeout, int newestMembers) {
        this.downstream = Objects.requireNonNull(downstream);
        this.authTimeout = Objects.requireNonNull(authTimeout);
        this.memberTimeout = Objects.requireNonNull(memberTimeout);
        this.newestMembers = newestMembers;
    }

    Mono<HomeView> aggregate(Caller caller) {
        Mono<Section<SessionSection>> session = section(SESSION, downstream.verify(caller), authTimeout,
                facts -> new SessionSection(facts.sub() != null ? facts.sub() : caller.subject(),
                        facts.roles() != null ? List.copyOf(facts.roles()) : caller.roles(), caller.issuedAt(),
                        facts.expiresAt()));
        Mono<Section<UserSection>> user = section(USER, downstream.profile(caller), memberTimeout,
                member -> UserSection.of(member, caller.roles()));
        Mono<Section<AdminSection>> admin = caller.isAdmin() ? section(ADMIN,
                downstream.newestMembers(caller, newestMembers), memberTimeout, HomeAggregator::adminSection)
                : Mono.just(Section.notApplicable());

        return Mono.zip(user, session, admin).map(sections -> {
            List<String> unavailable = new ArrayList<>(3);
            sections.getT1().reportInto(USER, unavailable);
            sections.getT2().reportInto(SESSION, unavailable);
            sections.getT3().reportInto(ADMIN, unavailable);
            return new HomeView(sections.getT1().value(), sections.getT2().value(), sections.getT3().value(),
                    !unavailable.isEmpty(), List.copyOf(unavailable));
        });
    }

    private static AdminSection adminSection(MemberPage page) {
        List<Member> content = page.content() != null ? List.copyOf(page.content()) : List.of();
        long count = page.page() != null ? page.page().totalElements() : content.size();
        return new AdminSection(count, content);
    }

    private static <T, R> Mono<Section<R>> section(String name, Mono<T> call, Duration timeout, Function<T, R> mapper) {
        return Mono.defer(() -> call)
            .timeout(timeout)
            .map(mapper)
            .map(Section::available)
            .switchIfEmpty(Mono.fromSupplier(() -> {
                log.warn("home section '{}' unavailable: empty downstream answer", name);
                return Section.<R>unavailable();
            }))
            .onErrorResume(error -> {
                log.warn("home section '{}' unavailable: {}", name, describe(error));
                return Mono.just(Section.unavailable());
            });
    }

    private static String describe(Throwable error) {
        // the class and message of client errors name the URL and status only, never
        // headers or tokens
        return error.getClass().getSimpleName() + (error.getMessage() != null ? ": " + error.getMessage() : "");
    }

    /**
     * One section's outcome: a value, unavailable, or not applicable (admin for
     * non-admins).
     */
    private record Section<T>(T value, boolean failed) {

        static <T> Section<T> available(T value) {
            return new Section<>(value, false);
        }

        static <T> Section<T> unavailable() {
            return new Section<>(null, true);
        }

        static <T> Section<T> notApplicable() {
            return new Section<>(null, false);
        }

        void reportInto(String name, List<String> unavailable) {
            if (failed) {
                unavailable.add(name);
            }
        }
    }

}
