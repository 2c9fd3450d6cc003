package com.acme.shop.common.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Test support: an ES256 signing key, a JWKS served over real HTTP by an in-test reactor-netty server (with a
 * hit counter and a replaceable key set), and jjwt-minted access tokens shaped as auth issues them.
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "shop-auth";
    public static final String AUDIENCE = "shop-test";

    public final KeyPair signingKey = newEcKeyPair();
    public final String kid = "key-" + UUID.randomUUID();
    public final AtomicInteger jwksHits = new AtomicInteger();
    private final AtomicReference<String> jwksJson = new AtomicReference<>();
    private final DisposableServer server;

    private TestTokens() {
        publish(publicJwk(signingKey, kid));
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/.well-known/jwks.json", (request, response) -> {
                    jwksHits.incrementAndGet();
                    return response.header("Content-Type", "application/json").sendString(Mono.fromSupplier(jwksJson::get));
                }))
                .bindNow();
    }

    public static TestTokens start() {
        return new TestTokens();
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.port() + "/.well-known/jwks.json";
    }

    /** Replaces the served JWKS. */
    public void publish(JWK... keys) {
        jwksJson.set(new JWKSet(List.of(keys)).toString(true));
    }

    public static KeyPair newEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey publicJwk(KeyPair keyPair, String kid) {
        return new ECKey.Builder(Curve.P_256, (ECPublicKey) keyPair.getPublic())
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .build();
    }

    /** The claims and header of a valid access token, unsigned (add {@code signWith} or use {@link #sign}). */
    public JwtBuilder claims(String subject, List<String> roles) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(kid).type("at+jwt").and()
                .issuer(ISSUER)
                .audience().add(List.of("shop-gateway", AUDIENCE)).and()
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(300)))
                .claim("email", "user@shop.test")
                .claim("roles", roles);
    }

    public String sign(JwtBuilder builder) {
        return builder.signWith(signingKey.getPrivate(), Jwts.SIG.ES256).compact();
    }

    public String token(String subject, String... roles) {
        return sign(claims(subject, List.of(roles)));
    }

    public String userToken() {
        return token(UUID.randomUUID().toString(), "USER");
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
