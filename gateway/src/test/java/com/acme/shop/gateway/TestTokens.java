package com.acme.shop.gateway;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;

/**
 * Mints access tokens the way auth does (ES256, {@code typ: at+jwt}, contracts.md "Tokens") and
 * the hostile variants verifiers must refuse (rules B2–B6). Serves its public key as a JWKS.
 */
final class TestTokens {

    static final String ISSUER = "shop-auth";

    static final String KID = "test-key-1";

    private final KeyPair keys = Jwts.SIG.ES256.keyPair().build();

    private final KeyPair foreignKeys = Jwts.SIG.ES256.keyPair().build();

    String jwks() {
        PublicJwk<?> jwk = Jwks.builder().key((ECPublicKey) keys.getPublic()).id(KID).publicKeyUse("sig").build();
        return "{\"keys\":[" + Jwks.json(jwk) + "]}";
    }

    String user(String subject) {
        return token(subject, List.of("USER"), UnaryOperator.identity());
    }

    String admin(String subject) {
        return token(subject, List.of("USER", "ADMIN"), UnaryOperator.identity());
    }

    /** A valid token, changed by {@code customizer} (claims or header). */
    String token(String subject, List<String> roles, UnaryOperator<JwtBuilder> customizer) {
        return customizer.apply(builder(subject, roles)).signWith(keys.getPrivate(), Jwts.SIG.ES256).compact();
    }

    String signedWithForeignKey(String subject) {
        return builder(subject, List.of("USER")).signWith(foreignKeys.getPrivate(), Jwts.SIG.ES256).compact();
    }

    String expired(String subject) {
        Instant issued = Instant.now().minus(Duration.ofMinutes(10));
        return token(subject, List.of("USER"), b -> b.issuedAt(Date.from(issued))
                .expiration(Date.from(issued.plus(Duration.ofMinutes(5)))));
    }

    String wrongAudience(String subject) {
        return token(subject, List.of("USER"), b -> b.audience().single("shop-other"));
    }

    String wrongType(String subject) {
        return token(subject, List.of("USER"), b -> b.header().type("JWT").and());
    }

    String withoutJti(String subject) {
        return token(subject, List.of("USER"), b -> b.id(null));
    }

    /** A valid user token whose payload was changed to claim ADMIN; the signature no longer matches. */
    String tampered(String subject) {
        String[] parts = user(subject).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"USER\"]", "[\"USER\",\"ADMIN\"]");
        return parts[0] + "." + b64(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The same claims with {@code alg: none} and no signature. */
    String algNone(String subject) {
        String[] parts = user(subject).split("\\.");
        String header = "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}";
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
    }

    /** Key confusion: HS256 with the ES256 public key bytes as the HMAC secret. */
    String hs256WithPublicKeyAsSecret(String subject) throws Exception {
        String[] parts = user(subject).split("\\.");
        String header = "{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + KID + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.getPublic().getEncoded(), "HmacSHA256"));
        return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The {@code jti} of a token minted here. */
    static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int start = payload.indexOf("\"jti\":\"") + 7;
        return payload.substring(start, payload.indexOf('"', start));
    }

    private JwtBuilder builder(String subject, List<String> roles) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(KID).type("at+jwt").and()
                .issuer(ISSUER)
                .audience().add(List.of("shop-gateway", "shop-member", "shop-bff", "shop-auth")).and()
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("email", subject + "@example.test")
                .claim("roles", roles);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
