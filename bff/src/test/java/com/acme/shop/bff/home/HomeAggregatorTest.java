package com.acme.shop.bff.home;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class HomeAggregatorTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private static final Instant ISSUED = Instant.parse("2026-01-02T03:04:05Z");

    private static final Instant EXPIRES = ISSUED.plusSeconds(300);

    private static final UUID ID = UUID.randomUUID();

    private final Caller user = new Caller("token", ID.toString(), List.of("USER"), ISSUED);

    private final Caller admin = new Caller("token", ID.toString(), List.of("USER", "ADMIN"), ISSUED);

    @Test
    void buildsAllSectionsWhenEveryDownstreamAnswers() {
        FakeDownstream downstream = new FakeDownstream();

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(admin).block();

        assertThat(view.degraded()).isFalse();
        assertThat(view.unavailable()).isEmpty();
        assertThat(view.user())
            .isEqualTo(new UserSection(ID, "ann@example.com", "Ann", null, List.of("USER", "ADMIN")));
        assertThat(view.session())
            .isEqualTo(new SessionSection(ID.toString(), List.of("USER", "ADMIN"), ISSUED, EXPIRES));
        assertThat(view.admin().memberCount()).isEqualTo(42);
        assertThat(view.admin().newestMembers()).extracting(Member::name).containsExactly("Newest", "Older");
        assertThat(downstream.requestedSize).hasValue(5);
    }

    @Test
    void marksUserAndAdminUnavailableWhenMemberIsDown() {
        FakeDownstream downstream = new FakeDownstream();
        downstream.profile = Mono.error(new ConnectException("Connection refused"));
        downstream.page = Mono.error(new ConnectException("Connection refused"));

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(admin).block();

        assertThat(view.degraded()).isTrue();
        assertThat(view.unavailable()).containsExactly("user", "admin");
        assertThat(view.user()).isNull();
        assertThat(view.admin()).isNull();
        assertThat(view.session()).isNotNull();
    }

    @Test
    void marksSessionUnavailableWhenAuthIsSlowerThanItsTimeout() {
        FakeDownstream downstream = new FakeDownstream();
        downstream.verify = Mono.never();

        long started = System.nanoTime();
        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, Duration.ofSeconds(5))).aggregate(user)
            .block(Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(view.session()).isNull();
        assertThat(view.unavailable()).containsExactly("session");
        assertThat(view.degraded()).isTrue();
        assertThat(view.user()).isNotNull();
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void leavesAdminNullAndUnlistedForNonAdmins() {
        FakeDownstream downstream = new FakeDownstream();

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(user).block();

        assertThat(view.admin()).isNull();
        assertThat(view.unavailable()).isEmpty();
        assertThat(view.degraded()).isFalse();
        assertThat(downstream.pageCalls).hasValue(0);
    }

    @Test
    void treatsAnEmptyAnswerAsUnavailable() {
        FakeDownstream downstream = new FakeDownstream();
        downstream.profile = Mono.empty();

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(user).block();

        assertThat(view.unavailable()).containsExactly("user");
    }

    @Test
    void readsExpiryGivenAsEpochSecondsOrIsoText() {
        assertThat(new TokenFacts("s", "e", List.of(), EXPIRES.getEpochSecond()).expiresAt()).isEqualTo(EXPIRES);
        assertThat(new TokenFacts("s", "e", List.of(), String.valueOf(EXPIRES.getEpochSecond())).expiresAt())
            .isEqualTo(EXPIRES);
        assertThat(new TokenFacts("s", "e", List.of(), EXPIRES.toString()).expiresAt()).isEqualTo(EXPIRES);
        assertThat(new TokenFacts("s", "e", List.of(), "garbage").expiresAt()).isNull();
    }

    @Test
    void neverPrintsTheBearerToken() {
        assertThat(user.toString()).doesNotContain("token");
    }

    @Test
    void addsTheFeaturedProductsAndTheLatestOrders() {
        FakeDownstream downstream = new FakeDownstream();

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(user).block();

        assertThat(view.featuredProducts()).extracting(FeaturedProduct::name).containsExactly("Mug", "Tote");
        assertThat(view.latestOrders()).extracting(OrderSummary::number).containsExactly("SO-1");
        assertThat(view.unavailable()).isEmpty();
        assertThat(downstream.productRequest).hasValue("4 createdAt,desc");
        assertThat(downstream.orderSize).hasValue(3);
    }

    @Test
    void showsAtMostTheConfiguredNumberOfProductsAndOrders() {
        FakeDownstream downstream = new FakeDownstream();
        downstream.products = Mono.just(new ProductPage(List.of(product("A"), product("B"), product("C"))));

        HomeView view = new HomeAggregator(downstream, new HomeProperties(downstream(TIMEOUT), downstream(TIMEOUT),
                downstream(TIMEOUT), downstream(TIMEOUT), TIMEOUT, 5, 2, "price,asc", 1))
            .aggregate(user)
            .block();

        assertThat(view.featuredProducts()).extracting(FeaturedProduct::name).containsExactly("A", "B");
        assertThat(downstream.productRequest).hasValue("2 price,asc");
        assertThat(downstream.orderSize).hasValue(1);
    }

    @Test
    void anAnonymousCallerGetsOnlyTheFeaturedProductsAndNoPersonalCallIsMade() {
        FakeDownstream downstream = new FakeDownstream();

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(Caller.ANONYMOUS)
            .block();

        assertThat(view.featuredProducts()).hasSize(2);
        assertThat(view.user()).isNull();
        assertThat(view.session()).isNull();
        assertThat(view.admin()).isNull();
        assertThat(view.latestOrders()).isNull();
        assertThat(view.unavailable()).isEmpty();
        assertThat(view.degraded()).isFalse();
        assertThat(downstream.personalCalls).hasValue(0);
    }

    @Test
    void marksOnlyFeaturedProductsUnavailableWhenProductFails() {
        FakeDownstream downstream = new FakeDownstream();
        downstream.products = Mono.error(new ConnectException("Connection refused"));

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(admin).block();

        assertThat(view.unavailable()).containsExactly("featuredProducts");
        assertThat(view.degraded()).isTrue();
        assertThat(view.featuredProducts()).isNull();
        assertThat(view.latestOrders()).isNotNull();
        assertThat(view.admin()).isNotNull();
    }

    @Test
    void marksOnlyLatestOrdersUnavailableWhenOrderIsSlowerThanItsTimeout() {
        FakeDownstream downstream = new FakeDownstream();
        downstream.orders = Mono.never();

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(user)
            .block(Duration.ofSeconds(5));

        assertThat(view.unavailable()).containsExactly("latestOrders");
        assertThat(view.latestOrders()).isNull();
        assertThat(view.featuredProducts()).isNotNull();
    }

    @Test
    void treatsAPageWithoutContentAsUnavailable() {
        FakeDownstream downstream = new FakeDownstream();
        downstream.products = Mono.just(new ProductPage(null));
        downstream.orders = Mono.just(new OrderPage(null));

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(user).block();

        assertThat(view.unavailable()).containsExactly("featuredProducts", "latestOrders");
    }

    @Test
    void anEmptyCatalogAndNoOrdersAreAnswersNotFailures() {
        FakeDownstream downstream = new FakeDownstream();
        downstream.products = Mono.just(new ProductPage(List.of()));
        downstream.orders = Mono.just(new OrderPage(List.of()));

        HomeView view = new HomeAggregator(downstream, properties(TIMEOUT, TIMEOUT)).aggregate(user).block();

        assertThat(view.unavailable()).isEmpty();
        assertThat(view.featuredProducts()).isEmpty();
        assertThat(view.latestOrders()).isEmpty();
    }

    private static HomeProperties properties(Duration authTimeout, Duration otherTimeout) {
        return new HomeProperties(downstream(authTimeout), downstream(otherTimeout), downstream(otherTimeout),
                downstream(otherTimeout), TIMEOUT, 5, 4, "createdAt,desc", 3);
    }

    private static HomeProperties.Downstream downstream(Duration timeout) {
        return new HomeProperties.Downstream(null, timeout);
    }

    private static FeaturedProduct product(String name) {
        return new FeaturedProduct(UUID.randomUUID(), "SKU-" + name, name, new Money(1999, "EUR"), 5, null);
    }

    private static final class FakeDownstream implements HomeDownstream {

        Mono<TokenFacts> verify = Mono
            .just(new TokenFacts(ID.toString(), "ann@example.com", List.of("USER", "ADMIN"), EXPIRES.getEpochSecond()));

        Mono<Member> profile = Mono.just(member(ID, "Ann", "ann@example.com"));

        Mono<MemberPage> page = Mono.just(new MemberPage(List.of(member(UUID.randomUUID(), "Newest", "n@example.com"),
                member(UUID.randomUUID(), "Older", "o@example.com")), new MemberPage.PageInfo(5, 0, 42, 9)));

        Mono<ProductPage> products = Mono.just(new ProductPage(List.of(product("Mug"), product("Tote"))));

        Mono<OrderPage> orders = Mono.just(new OrderPage(List.of(new OrderSummary(UUID.randomUUID(), "SO-1", "PAID",
                new Money(3998, "EUR"), "EUR", "2026-01-02T03:04:05Z"))));

        final AtomicInteger pageCalls = new AtomicInteger();

        final AtomicInteger personalCalls = new AtomicInteger();

        final AtomicReference<String> productRequest = new AtomicReference<>();

        final AtomicInteger orderSize = new AtomicInteger();

        final AtomicInteger requestedSize = new AtomicInteger();

        @Override
        public Mono<TokenFacts> verify(Caller caller) {
            personalCalls.incrementAndGet();
            return verify;
        }

        @Override
        public Mono<Member> profile(Caller caller) {
            personalCalls.incrementAndGet();
            return profile;
        }

        @Override
        public Mono<MemberPage> newestMembers(Caller caller, int size) {
            pageCalls.incrementAndGet();
            personalCalls.incrementAndGet();
            requestedSize.set(size);
            return page;
        }

        @Override
        public Mono<ProductPage> featuredProducts(int size, String sort) {
            productRequest.set(size + " " + sort);
            return products;
        }

        @Override
        public Mono<OrderPage> latestOrders(Caller caller, int size) {
            personalCalls.incrementAndGet();
            orderSize.set(size);
            return orders;
        }

        private static Member member(UUID id, String name, String email) {
            return new Member(id, email, name, null, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", 0L);
        }

    }

}
