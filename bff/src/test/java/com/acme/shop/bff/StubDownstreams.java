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
 * ports, plus {@link TestTokens} (auth's JWKS and the access tokens the bff accepts).
 * Registered as a JUnit extension
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

    final AtomicReference<MemberMode> memberMode = new AtomicReference<>(MemberMode.UP);

    private final StubServer auth = StubServer.start().on("GET", "/api/auth/verify", StubDownstreams::verify);

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
                : CompletableFuture.completedFuture(reply.get());
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

    /**
     * The X-Request-Id of the last call per path at auth and member ({@code (none)} for a
     * call without one).
     */
    Map<String, String> requestIds() {
        Map<String, String> ids = new HashMap<>();
        Stream.concat(auth.received().stream(), member.received().stream())
            .forEach(request -> ids.put(request.path(),
                    Objects.requireNonNullElse(request.header(RequestIdWebFilter.HEADER), "(none)")));
        return ids;
    }

    /** Forgets the calls received so far. */
    void forgetCalls() {
        auth.reset();
        member.reset();
    }

    private static StubServer.Request last(List<StubServer.Request> requests) {
        return requests.get(requests.size() - 1);
    }

    /**
     * The test Redis, the JWKS and issuer of {@link #tokens}, auth and member pointing
     * here.
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
