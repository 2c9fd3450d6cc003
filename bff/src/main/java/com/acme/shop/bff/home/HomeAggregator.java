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
 * Builds the home view from up to five downstream reads that run in parallel: auth
 * (session), member (user; admin summary for ADMIN), product (featured products, also for
 * anonymous callers) and order (latest orders). Each read has its downstream's timeout; a
 * failure, an empty or unreadable answer or a timeout turns only that section into
 * {@code null} (listed in {@code unavailable}), never the whole response into an error. A
 * section that does not apply to the caller (admin for non-admins; everything but the
 * featured products for an anonymous caller) is {@code null} without being listed, and
 * its downstream is not called.
 */
final class HomeAggregator {

    static final String USER = "user";
    static final String SESSION = "session";
    static final String ADMIN = "admin";
    static final String FEATURED_PRODUCTS = "featuredProducts";
    static final String LATEST_ORDERS = "latestOrders";

    private static final Logger log = LoggerFactory.getLogger(HomeAggregator.class);

    private final HomeDownstream downstream;

    private final HomeProperties properties;

    HomeAggregator(HomeDownstream downstream, HomeProperties properties) {
        this.downstream = Objects.requireNonNull(downstream);
        this.properties = Objects.requireNonNull(properties);
    }

    Mono<HomeView> aggregate(Caller caller) {
        boolean signedIn = !caller.isAnonymous();
        Mono<Section<SessionSection>> session = signedIn
                ? section(SESSION, downstream.verify(caller), properties.auth().timeout(),
                        facts -> new SessionSection(facts.sub() != null ? facts.sub() : caller.subject(),
                                facts.roles() != null ? List.copyOf(facts.roles()) : caller.roles(), caller.issuedAt(),
                                facts.expiresAt()))
                : Mono.just(Section.notApplicable());
        Mono<Section<UserSection>> user = signedIn ? section(USER, downstream.profile(caller),
                properties.member().timeout(), member -> UserSection.of(member, caller.roles()))
                : Mono.just(Section.notApplicable());
        Mono<Section<AdminSection>> admin = caller.isAdmin()
                ? section(ADMIN, downstream.newestMembers(caller, properties.newestMembers()),
                        properties.member().timeout(), HomeAggregator::adminSection)
                : Mono.just(Section.notApplicable());
        Mono<Section<List<FeaturedProduct>>> featured = section(FEATURED_PRODUCTS,
                downstream.featuredProducts(properties.featuredProducts(), properties.featuredSort()),
                properties.product().timeout(), page -> contentOf(page.content(), properties.featuredProducts()));
        Mono<Section<List<OrderSummary>>> orders = signedIn
                ? section(LATEST_ORDERS, downstream.latestOrders(caller, properties.latestOrders()),
                        properties.order().timeout(), page -> contentOf(page.content(), properties.latestOrders()))
                : Mono.just(Section.notApplicable());

        return Mono.zip(user, session, admin, featured, orders).map(sections -> {
            List<String> unavailable = new ArrayList<>(5);
            sections.getT1().reportInto(USER, unavailable);
            sections.getT2().reportInto(SESSION, unavailable);
            sections.getT3().reportInto(ADMIN, unavailable);
            sections.getT4().reportInto(FEATURED_PRODUCTS, unavailable);
            sections.getT5().reportInto(LATEST_ORDERS, unavailable);
            return new HomeView(sections.getT1().value(), sections.getT2().value(), sections.getT3().value(),
                    sections.getT4().value(), sections.getT5().value(), !unavailable.isEmpty(),
                    List.copyOf(unavailable));
        });
    }

    private static AdminSection adminSection(MemberPage page) {
        List<Member> content = page.content() != null ? List.copyOf(page.content()) : List.of();
        long count = page.page() != null ? page.page().totalElements() : content.size();
        return new AdminSection(count, content);
    }

    /**
     * A page's entries, at most {@code limit}: a page without a {@code content} list is
     * not an answer (the section becomes unavailable), null entries are dropped.
     */
    private static <T> List<T> contentOf(List<T> content, int limit) {
        if (content == null) {
            throw new IllegalStateException("page without content");
        }
        return content.stream().filter(Objects::nonNull).limit(limit).toList();
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
     * non-admins, the personal sections for anonymous callers).
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
