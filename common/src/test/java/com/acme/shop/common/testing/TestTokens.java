package com.acme.shop.common.testing;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.security.SecureDigestAlgorithm;

/**
 * Stands in for auth in tests: an ES256 signing key, access tokens shaped as auth issues
 * them (docs/contracts.md "Tokens": {@code typ at+jwt}, {@code kid},
 * {@code iss}/{@code aud}/{@code sub}/{@code jti}/ {@code iat}/{@code exp},
 * {@code roles}, {@code email}), the hostile variants verifiers must refuse (rules
 * B2–B6), and a JWKS served over real HTTP by a {@link JwksServer} (started on the first
 * {@link #jwksUri()}, with a hit counter and a replaceable key set).
 *
 * <pre>{@code
 * TestTokens tokens = TestTokens.create();                      // or builder().audiences(...).kid(...).build()
 * registry.add("shop.jwt.jwks-uri", tokens::jwksUri);
 * tokens.user(id); tokens.admin(id); tokens.service();
 * tokens.token(id).roles("USER", "ADMIN").expired().sign();
 * tokens.token(id).audiences("shop-other").sign();
 * tokens.token(id).unsigned();                                  // alg none
 * tokens.token(id).signHs256WithPublicKey();                    // key confusion
 * tokens.token(id).signWith(TestTokens.newEcKeyPair());         // a key the JWKS does not hold
 * }</pre>
 *
 * Published to the other modules' tests in common's {@code test-jar}.
 */
public final class TestTokens implements AutoCloseable {

    public static final String ISSUER = "shop-auth";

    /** The audiences auth puts in every user token ({@code JWT_AUDIENCES} default). */
    public static final List<String> AUDIENCES = List.of("shop-gateway", "shop-member", "shop-bff", "shop-auth");

    public static final String EMAIL = "user@shop.test";

    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private static TestTokens shared;

    private final String issuer;

    private final List<String> audiences;

    private final String kid;

    private final KeyPair signingKey = newEcKeyPair();

    private final JwksServer jwks;

    private TestTokens(Builder builder) {
        this.issuer = builder.issuer;
        this.audiences = List.copyOf(builder.audiences);
        this.kid = builder.kid;
        this.jwks = new JwksServer(publicJwk());
    }

    /** Issuer {@value #ISSUER}, audiences {@link #AUDIENCES}, a random kid. */
    public static TestTokens create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One instance per JVM (for tests sharing a cached Spring context); its JWKS server
     * stops at JVM exit.
     */
    public static synchronized TestTokens shared() {
        if (shared == null) {
            TestTokens tokens = create();
            Runtime.getRuntime().addShutdownHook(new Thread(tokens::close, "test-tokens-shutdown"));
            shared = tokens;
        }
        return shared;
    }

    // --- key and JWKS
    // ----------------------------------------------------------------------------

    public String issuer() {
        return issuer;
    }

    public String kid() {
        return kid;
    }

    public KeyPair signingKey() {
        return signingKey;
    }

    /** The public half of the signing key as a JWK (with this instance's kid). */
    public ECKey publicJwk() {
        return publicJwk(signingKey, kid);
    }

    /** The JWKS currently served (initially just {@link #publicJwk()}). */
    public String jwksJson() {
        return jwks.json();
    }

    /** Replaces the served JWKS. */
    public void publish(JWK... keys) {
        jwks.publish(keys);
    }

    /** How often the JWKS was fetched over HTTP. */
    public int jwksHits() {
        return jwks.hits();
    }

    /** The X-Request-Id of the last JWKS fetch ({@code null}: none or without one). */
    public String lastJwksRequestId() {
        return jwks.lastRequestId();
    }

    /** The URL of the JWKS; starts its {@link JwksServer} on first use. */
    public String jwksUri() {
        return jwks.uri();
    }

    @Override
    public void close() {
        jwks.close();
    }

    // --- tokens
    // ----------------------------------------------------------------------------------

    /** A valid token for a random subject with role USER, to be changed and signed. */
    public Token token() {
        return new Token(UUID.randomUUID().toString());
    }

    /** A valid token for {@code subject} with role USER, to be changed and signed. */
    public Token token(String subject) {
        return new Token(subject);
    }

    public Token token(UUID subject) {
        return new Token(subject.toString());
    }

    public String user() {
        return token().sign();
    }

    public String user(String subject) {
        return token(subject).sign();
    }

    public String user(UUID subject) {
        return token(subject).sign();
    }

    public String admin(String subject) {
        return token(subject).roles("USER", "ADMIN").sign();
    }

    public String admin(UUID subject) {
        return token(subject).roles("USER", "ADMIN").sign();
    }

    /**
     * The token auth uses for member's internal endpoints: {@code sub service:auth}, role
     * SERVICE, {@code aud shop-member}, 60 s.
     */
    public String service() {
        return token("service:auth").roles("SERVICE")
            .audiences("shop-member")
            .email(null)
            .expiresAt(Instant.now().plusSeconds(60))
            .sign();
    }

    // --- static helpers
    // --------------------------------------------------------------------------

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
        return new ECKey.Builder(Curve.P_256, (ECPublicKey) keyPair.getPublic()).keyID(kid)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.ES256)
            .build();
    }

    /** The decoded payload (claims JSON) of a compact JWS; empty when it is not one. */
    public static String payload(String token) {
        String[] parts = token.split("\\.", -1);
        return parts.length == 3 ? new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8) : "";
    }

    /** The {@code jti} of a token minted here. */
    public static String jti(String token) {
        String payload = payload(token);
        int start = payload.indexOf("\"jti\":\"") + 7;
        return payload.substring(start, payload.indexOf('"', start));
    }

    /**
     * {@code token} with its header replaced by {@code headerJson}; payload and signature
     * unchanged.
     */
    public static String withHeader(String token, String headerJson) {
        String[] parts = token.split("\\.", -1);
        return b64(headerJson) + "." + parts[1] + "." + parts[2];
    }

    /**
     * {@code token} with its payload rewritten by {@code edit}; the signature no longer
     * matches.
     */
    public static String tamper(String token, UnaryOperator<String> edit) {
        String[] parts = token.split("\\.", -1);
        return parts[0] + "." + b64(edit.apply(payload(token))) + "." + parts[2];
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** How the tokens of one {@link TestTokens} look: issuer, audiences, kid. */
    public static final class Builder {

        private String issuer = ISSUER;

        private List<String> audiences = AUDIENCES;

        private String kid = "key-" + UUID.randomUUID();

        private Builder() {
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audiences(String... audiences) {
            this.audiences = List.of(audiences);
            return this;
        }

        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        public TestTokens build() {
            return new TestTokens(this);
        }

    }

    /**
     * One token being built: starts valid (header {@code kid}, {@code typ at+jwt}; claims
     * {@code iss}, {@code aud}, {@code sub}, {@code jti}, {@code iat} now, {@code exp}
     * now + 5 min, {@code email}, {@code roles [USER]}). A setter given {@code null}
     * leaves that header field or claim out.
     */
    public final class Token {

        private String subject;

        private List<String> roles = List.of("USER");

        private String email = EMAIL;

        private String tokenIssuer = issuer;

        private List<String> tokenAudiences = audiences;

        private String jti = UUID.randomUUID().toString();

        private Instant issuedAt;

        private Instant expiresAt;

        private Instant notBefore;

        private String type = "at+jwt";

        private String tokenKid = kid;

        private UnaryOperator<JwtBuilder> customizer = UnaryOperator.identity();

        private Token(String subject) {
            this.subject = subject;
            Instant now = Instant.now();
            this.issuedAt = now;
            this.expiresAt = now.plus(LIFETIME);
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Token roles(String... roles) {
            this.roles = roles == null ? null : List.of(roles);
            return this;
        }

        public Token email(String email) {
            this.email = email;
            return this;
        }

        public Token issuer(String issuer) {
            this.tokenIssuer = issuer;
            return this;
        }

        /** Replaces the audiences ({@code aud} stays a JSON array). */
        public Token audiences(String... audiences) {
            this.tokenAudiences = audiences == null ? null : List.of(audiences);
            return this;
        }

        public Token jti(String jti) {
            this.jti = jti;
            return this;
        }

        public Token issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Token expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Token notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        /**
         * Issued 10 minutes ago for 5 minutes: expired 5 minutes ago, well beyond the 60
         * s skew.
         */
        public Token expired() {
            Instant issued = Instant.now().minus(Duration.ofMinutes(10));
            return issuedAt(issued).expiresAt(issued.plus(LIFETIME));
        }

        /** The header {@code typ} (auth uses {@code at+jwt}). */
        public Token type(String type) {
            this.type = type;
            return this;
        }

        /** The header {@code kid} (defaults to the signing key's). */
        public Token kid(String kid) {
            this.tokenKid = kid;
            return this;
        }

        /** Any other change to the jjwt builder, applied last. */
        public Token customize(UnaryOperator<JwtBuilder> customizer) {
            UnaryOperator<JwtBuilder> before = this.customizer;
            this.customizer = b -> customizer.apply(before.apply(b));
            return this;
        }

        /** Signed ES256 with the key the JWKS holds. */
        public String sign() {
            return signWith(signingKey);
        }

        /**
         * Signed ES256 with another key pair (e.g. a key the JWKS does not hold, under
         * the same kid).
         */
        public String signWith(KeyPair keyPair) {
            return signWith(keyPair.getPrivate(), Jwts.SIG.ES256);
        }

        /** Signed with any key and algorithm (e.g. RS256, HS256). */
        public <K extends Key> String signWith(K key, SecureDigestAlgorithm<? super K, ?> algorithm) {
            return jwt().signWith(key, algorithm).compact();
        }

        /** Signed HS256 with a shared secret instead of ES256 (rule B2). */
        public String signHs256(byte[] secret) {
            return signWith(Keys.hmacShaKeyFor(secret), Jwts.SIG.HS256);
        }

        /**
         * Key confusion: HS256 with the ES256 public key bytes as the HMAC secret (rule
         * B2).
         */
        public String signHs256WithPublicKey() {
            return signHs256(signingKey.getPublic().getEncoded());
        }

        /** The same header and claims with {@code alg: none} and no signature. */
        public String unsigned() {
            List<String> fields = new ArrayList<>();
            fields.add("\"alg\":\"none\"");
            if (type != null) {
                fields.add("\"typ\":" + quoted(type));
            }
            if (tokenKid != null) {
                fields.add("\"kid\":" + quoted(tokenKid));
            }
            String signed = sign();
            return b64("{" + String.join(",", fields) + "}") + "." + signed.split("\\.")[1] + ".";
        }

        private JwtBuilder jwt() {
            JwtBuilder builder = Jwts.builder();
            if (tokenKid != null) {
                builder.header().keyId(tokenKid).and();
            }
            if (type != null) {
                builder.header().type(type).and();
            }
            builder.issuer(tokenIssuer).subject(subject).id(jti);
            if (tokenAudiences != null) {
                builder.audience().add(tokenAudiences).and();
            }
            if (issuedAt != null) {
                builder.issuedAt(Date.from(issuedAt));
            }
            if (expiresAt != null) {
                builder.expiration(Date.from(expiresAt));
            }
            if (notBefore != null) {
                builder.notBefore(Date.from(notBefore));
            }
            if (email != null) {
                builder.claim("email", email);
            }
            if (roles != null) {
                builder.claim("roles", roles);
            }
            return customizer.apply(builder);
        }

    }

}
