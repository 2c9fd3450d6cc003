package com.acme.shop.bff;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.acme.shop.common.requestid.RequestIdWebFilter;
import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;
import com.acme.shop.common.testing.TestTokens;
import com.acme.shop.infra.TestInfra;

/**
 * Stand-ins for auth (verify) and member, served by two {@link StubServer}s on free
 * ports, product and order ({@link ShopDownstream}s, each with its own mode), plus
 * {@link TestTokens} (auth's JWKS and the access tokens the bff accepts). {@link #delay}
 * holds back every answer of all four. Registered as a JUnit extension
 * ({@code @RegisterExtension static final StubDownstreams stubs}) it stops after the
 * class.
 */
final class StubDownstreams implements AfterAllCallback, AutoCloseable {

    static final UUID USER_ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    static final UUID ADMIN_ID = UUID.fromString("22222222-2222-2222-2222-222222222222");
    static final Instant EXPIRES = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);

    enum MemberMode {

        UP, HANG

    }

    final TestTokens tokens = TestTokens.create();

    static final String MUG_ID = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6";

    static final String ORDER_ID = "0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21";

    /** Four products, more than the bff is configured to show in the tests (3). */
    static final String PRODUCTS = """
            {"content":[\
            {"id":"%s","sku":"MUG-ENAMEL-01","name":"Enamel Camp Mug","description":"A mug.",\
            "price":{"amount":1999,"currency":"EUR"},"stock":25,"imageUrl":"/images/products/enamel-camp-mug.svg",\
            "active":true,"createdAt":"2026-12-02T10:00:00Z","updatedAt":"2026-12-02T10:00:00Z","version":0},\
            {"id":"5eed0000-0000-4000-8000-000000000002","sku":"TOTE-CANVAS-01","name":"Canvas Tote Bag",\
            "description":"A bag.","price":{"amount":2450,"currency":"EUR"},"stock":0,"imageUrl":null,"active":true,\
            "createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:00:00Z","version":3},\
            {"id":"5eed0000-0000-4000-8000-000000000003","sku":"LAMP-DESK-01","name":"Desk Lamp",\
            "description":"A lamp.","price":{"amount":4900,"currency":"EUR"},"stock":3,\
            "imageUrl":"/images/products/desk-lamp.svg","active":true,"createdAt":"2026-11-30T10:00:00Z",\
            "updatedAt":"2026-11-30T10:00:00Z","version":1},\
            {"id":"5eed0000-0000-4000-8000-000000000004","sku":"CLOCK-WALL-01","name":"Wall Clock",\
            "description":"A clock.","price":{"amount":3900,"currency":"EUR"},"stock":9,\
            "imageUrl":"/images/products/wall-clock.svg","active":true,"createdAt":"2026-11-29T10:00:00Z",\
            "updatedAt":"2026-11-29T10:00:00Z","version":1}],\
            "page":{"size":3,"number":0,"totalElements":40,"totalPages":14}}""".formatted(MUG_ID);

    static final String ORDERS = """
            {"content":[\
            {"id":"%s","number":"SO-2026-000123","status":"PAID","items":[{"productId":"%s","sku":"MUG-ENAMEL-01",\
            "name":"Enamel Camp Mug","unitPrice":{"amount":1999,"currency":"EUR"},"quantity":2,\
            "lineTotal":{"amount":3998,"currency":"EUR"}}],"total":{"amount":3998,"currency":"EUR"},"currency":"EUR",\
            "payment":{"status":"SUCCEEDED","last4":"4242"},"createdAt":"2026-12-02T13:40:12.345Z",\
            "updatedAt":"2026-12-02T13:40:13Z"},\
            {"id":"0b8f3c1e-6a4d-4f6e-9a53-000000000002","number":"SO-2026-000101","status":"PAYMENT_FAILED",\
            "items":[],"total":{"amount":2450,"currency":"EUR"},"currency":"EUR",\
            "payment":{"status":"DECLINED","last4":"0002"},"createdAt":"2026-12-01T09:00:00Z",\
            "updatedAt":"2026-12-01T09:00:01Z"}],\
            "page":{"size":3,"number":0,"totalElements":2,"totalPages":1}}""".formatted(ORDER_ID, MUG_ID);

    final AtomicReference<MemberMode> memberMode = new AtomicReference<>(MemberMode.UP);

    /**
     * How long every answer of auth, member, product and order (when UP) is held back.
     */
    final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

    final ShopDownstream product = new ShopDownstream("/api/products", PRODUCTS, delay::get);

    final ShopDownstream order = new ShopDownstream("/api/orders", ORDERS, delay::get);

    private final StubServer auth = StubServer.start()
        .on("GET", "/api/auth/verify", request -> verify(request).delayed(delay.get()));

    private final StubServer member = StubServer.start()
        .onAsync(StubServer.request("GET", "/api/members/me"),
                request -> unlessHanging(() -> Reply.json(200, member(USER_ID, "Ann Example", "ann@example.com"))))
        .onAsync(StubServer.request("GET", "/api/members"),
                request -> unlessHanging(() -> Reply.json(200,
                        "{\"content\":[%s,%s],\"page\":{\"size\":5,\"number\":0,\"totalElements\":42,\"totalPages\":9}}"
                            .formatted(member(UUID.randomUUID(), "Newest Member", "newest@example.com"),
                                    member(UUID.randomUUID(), "Older Member", "older@example.com")))));

    private static Reply verify(StubServer.Request request) {
        String token = request.bearerToken();
        boolean admin = token != null && TestTokens.payload(token).contains("\"ADMIN\"");
        UUID id = admin ? ADMIN_ID : USER_ID;
        String roles = admin ? "[\"USER\",\"ADMIN\"]" : "[\"USER\"]";
        return Reply.json(200, "{\"sub\":\"%s\",\"email\":\"%s\",\"roles\":%s,\"exp\":%d}".formatted(id,
                admin ? "admin@shop.local" : "ann@example.com", roles, EXPIRES.getEpochSecond()));
    }

    private CompletionStage<Reply> unlessHanging(Supplier<Reply> reply) {
        return memberMode.get() == MemberMode.HANG ? StubServer.never()
                : CompletableFuture.completedFuture(reply.get().delayed(delay.get()));
    }

    /** The Authorization header of the last verify call at auth. */
    String lastAuthAuthorization() {
        return last(auth.received("GET", "/api/auth/verify")).header("Authorization");
    }

    /** The Authorization header of the last {@code /api/members/me} call at member. */
    String lastMemberAuthorization() {
        return last(member.received("GET", "/api/members/me")).header("Authorization");
    }

    /** The URI (with query) of the last {@code /api/members} call at member. */
    String lastMembersQuery() {
        return last(member.received("GET", "/api/members")).uri();
    }

    /** The URI (with query) of the last call at product. */
    String lastProductsQuery() {
        return last(product.received()).uri();
    }

    /**
     * The X-Request-Id of the last call per path at auth, member, product and order
     * ({@code (none)} for a call without one).
     */
    Map<String, String> requestIds() {
        Map<String, String> ids = new HashMap<>();
        Stream.of(auth.received(), member.received(), product.received(), order.received())
            .flatMap(List::stream)
            .forEach(request -> ids.put(request.path(),
                    Objects.requireNonNullElse(request.header(RequestIdWebFilter.HEADER), "(none)")));
        return ids;
    }

    /** Forgets the calls received so far. */
    void forgetCalls() {
        auth.reset();
        member.reset();
        product.forgetCalls();
        order.forgetCalls();
    }

    /** Every downstream back to normal: member and product and order up, no delay. */
    void allUp() {
        memberMode.set(MemberMode.UP);
        product.set(ShopDownstream.Mode.UP);
        order.set(ShopDownstream.Mode.UP);
        delay.set(Duration.ZERO);
    }

    private static StubServer.Request last(List<StubServer.Request> requests) {
        return requests.get(requests.size() - 1);
    }

    /**
     * The test Redis, the JWKS and issuer of {@link #tokens}, auth, member, product and
     * order pointing here.
     */
    void register(DynamicPropertyRegistry registry) {
        register(registry, this::memberUrl);
    }

    /**
     * As {@link #register(DynamicPropertyRegistry)}, with member at {@code memberUrl}.
     */
    void register(DynamicPropertyRegistry registry, Supplier<Object> memberUrl) {
        TestInfra.redisSpringProperties().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("shop.jwt.issuer", () -> TestTokens.ISSUER);
        registry.add("shop.jwt.jwks-uri", tokens::jwksUri);
        registry.add("shop.bff.auth.url", this::authUrl);
        registry.add("shop.bff.member.url", memberUrl);
        registry.add("shop.bff.product.url", product::url);
        registry.add("shop.bff.order.url", order::url);
        registry.add("shop.bff.featured-products", () -> "3");
    }

    String authUrl() {
        return auth.url();
    }

    String memberUrl() {
        return member.url();
    }

    String userToken() {
        return tokens.user(USER_ID);
    }

    String adminToken() {
        return tokens.admin(ADMIN_ID);
    }

    /** A well-formed token signed by a key the JWKS does not hold (same kid). */
    String tokenSignedByAStranger() {
        return tokens.token(USER_ID).signWith(TestTokens.newEcKeyPair());
    }

    private static String member(UUID id, String name, String email) {
        return "{\"id\":\"%s\",\"email\":\"%s\",\"name\":\"%s\",\"phone\":null,\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"version\":0}"
            .formatted(id, email, name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        auth.close();
        member.close();
        product.close();
        order.close();
        tokens.close();
    }

    static String unusedLocalUrl() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
