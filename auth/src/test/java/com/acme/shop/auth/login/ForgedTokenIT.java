package com.acme.shop.auth.login;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.acme.shop.auth.AuthItSupport;
import com.acme.shop.auth.keys.SigningKeys;
import com.acme.shop.auth.token.AccessTokenIssuer;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /verify accepts only ES256 at+jwt tokens signed by this service's key for audience
 * shop-auth (B2–B5).
 */
class ForgedTokenIT extends AuthItSupport {

    @Autowired
    SigningKeys keys;

    @Autowired
    AccessTokenIssuer issuer;

    @Test
    void refusesTokensWithAnotherAlgorithmKeyTypeOrAudience() throws Exception {
        String kid = keys.current().kid();
        String sub = UUID.randomUUID().toString();
        Instant now = Instant.now();

        String none = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}") + "."
                + b64("{\"iss\":\"shop-auth\",\"aud\":[\"shop-auth\"],\"sub\":\"" + sub + "\",\"jti\":\"x\",\"iat\":"
                        + now.getEpochSecond() + ",\"exp\":" + (now.getEpochSecond() + 300) + "}")
                + ".";
        String hs256 = base().header()
            .keyId(kid)
            .type("at+jwt")
            .and()
            .signWith(Keys.hmacShaKeyFor("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                    Jwts.SIG.HS256)
            .compact();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair foreign = generator.generateKeyPair();
        String foreignKeySameKid = base().header()
            .keyId(kid)
            .type("at+jwt")
            .and()
            .signWith(foreign.getPrivate(), Jwts.SIG.ES256)
            .compact();
        String wrongType = base().header()
            .keyId(kid)
            .type("JWT")
            .and()
            .signWith(keys.current().privateKey(), Jwts.SIG.ES256)
            .compact();
        String expired = base().header()
            .keyId(kid)
            .type("at+jwt")
            .and()
            .issuedAt(Date.from(now.minusSeconds(1000)))
            .expiration(Date.from(now.minusSeconds(400)))
            .signWith(keys.current().privateKey(), Jwts.SIG.ES256)
            .compact();
        String serviceToken = issuer.serviceToken();

        for (String token : List.of(none, hs256, foreignKeySameKid, wrongType, expired, serviceToken)) {
            verify(token).expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value("WWW-Authenticate", value -> assertThat(value).contains("invalid_token"));
        }
        String genuine = base().header()
            .keyId(kid)
            .type("at+jwt")
            .and()
            .signWith(keys.current().privateKey(), Jwts.SIG.ES256)
            .compact();
        verify(genuine).expectStatus().isOk().expectBody(Map.class);
    }

    private static io.jsonwebtoken.JwtBuilder base() {
        Instant now = Instant.now();
        return Jwts.builder()
            .issuer("shop-auth")
            .audience()
            .add("shop-auth")
            .and()
            .subject(UUID.randomUUID().toString())
            .id(UUID.randomUUID().toString())
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plusSeconds(300)))
            .claim("email", "forged@example.com")
            .claim("roles", List.of("USER", "ADMIN"));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
