package com.acme.shop.common.security;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import com.acme.shop.common.observability.WebClients;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the access-token decoder every service uses (rules B2–B7, B13): Spring
 * Security's {@link NimbusReactiveJwtDecoder}, ES256 only, {@code typ: at+jwt} only, keys
 * by {@code kid} from the pinned JWKS only, exact {@code iss}, {@code aud} containing
 * {@link AccessTokenProperties#audience()}, {@code sub exp iat jti} required, 60 s skew,
 * and the Redis revocation state (denylist, tokens-valid-after) when a template is given.
 * Every rejection is a {@code BadJwtException} (401 {@code invalid_token}); an
 * unreachable denylist is a {@link TokenCheckUnavailableException} (503).
 * <p>
 * The chain is: revocation check (every call: denylist {@code deny:{iss}:{jti}} and
 * "tokens valid after" {@code tva:{iss}:{sub}}, see {@link RevocationKeys}; from the
 * local {@link RevocationReplica} while it is in sync, otherwise one Redis {@code MGET})
 * → cache of verified tokens ({@link CachingJwtDecoder}, unless
 * {@code shop.jwt.cache.enabled=false}) → Nimbus signature and claim checks. A token
 * verified once is not signature-checked again until it expires (at most 10 min); a key
 * removed from the JWKS therefore keeps its already verified tokens valid until they
 * expire.
 */
public final class AccessTokenDecoders {

    /**
     * Name of the JWKS fetch's observation (metric {@code jwks.requests}, Prometheus
     * {@code jwks_requests_seconds}).
     */
    public static final String JWKS_OBSERVATION = "jwks.requests";

    private AccessTokenDecoders() {
    }

    /**
     * Keys from {@code props.jwksUri()} over HTTP (cached; unknown kid → at most one
     * refresh per 30 s).
     */
    public static ReactiveJwtDecoder create(AccessTokenProperties props, ReactiveStringRedisTemplate redisOrNull) {
        return create(props, redisOrNull, ObservationRegistry.NOOP);
    }

    /**
     * As {@link #create(AccessTokenProperties, ReactiveStringRedisTemplate)}, with the
     * JWKS fetch observed (metrics, and the trace of the request that needed the keys).
     */
    public static ReactiveJwtDecoder create(AccessTokenProperties props, ReactiveStringRedisTemplate redisOrNull,
            ObservationRegistry observations) {
        return create(props, redisOrNull, observations, null);
    }

    /**
     * As
     * {@link #create(AccessTokenProperties, ReactiveStringRedisTemplate, ObservationRegistry)},
     * with the revocation state answered by {@code replicaOrNull} while it is in sync
     * (Redis otherwise).
     */
    static ReactiveJwtDecoder create(AccessTokenProperties props, ReactiveStringRedisTemplate redisOrNull,
            ObservationRegistry observations, RevocationReplica replicaOrNull) {
        return create(props, new PinnedJwkSource(remoteLoader(props.jwksUri(), observations), Clock.systemUTC()),
                redisOrNull, Clock.systemUTC(), replicaOrNull);
    }

    static ReactiveJwtDecoder create(AccessTokenProperties props, ReactiveStringRedisTemplate redisOrNull,
            Clock clock) {
        return create(props, new PinnedJwkSource(remoteLoader(props.jwksUri(), ObservationRegistry.NOOP), clock),
                redisOrNull, clock);
    }

    static Supplier<Mono<JWKSet>> remoteLoader(String jwksUri, ObservationRegistry observations) {
        // observed under a name of its own: the gateway's http.client.requests (Spring
        // Cloud Gateway's, per route) have other tags, and Prometheus wants one tag set
        // per name
        WebClient webClient = WebClients.builder(observations)
            .observationConvention(new DefaultClientRequestObservationConvention(JWKS_OBSERVATION))
            .build();
        return () -> webClient.get()
            .uri(jwksUri)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .bodyToMono(String.class)
            .map(AccessTokenDecoders::parseJwkSet);
    }

    /**
     * Keys from an in-memory JWKS (the auth service verifying its own tokens; no HTTP).
     */
    public static ReactiveJwtDecoder create(AccessTokenProperties props, JWKSet jwks,
            ReactiveStringRedisTemplate redisOrNull) {
        Objects.requireNonNull(jwks, "jwks");
        return create(props, () -> jwks, redisOrNull);
    }

    /**
     * Keys from an in-memory JWKS that may change (key rotation); the supplier is asked
     * on every verification (i.e. not for tokens already in the cache of verified
     * tokens).
     */
    public static ReactiveJwtDecoder create(AccessTokenProperties props, Supplier<JWKSet> jwks,
            ReactiveStringRedisTemplate redisOrNull) {
        Objects.requireNonNull(jwks, "jwks");
        Function<SignedJWT, Flux<JWK>> source = jwt -> {
            String kid = jwt.getHeader().getKeyID();
            return kid == null ? Flux.empty() : Flux.fromIterable(PinnedJwkSource.select(jwks.get(), kid));
        };
        return create(props, source, redisOrNull, Clock.systemUTC());
    }

    static ReactiveJwtDecoder create(AccessTokenProperties props, Function<SignedJWT, Flux<JWK>> keySource,
            ReactiveStringRedisTemplate redisOrNull, Clock clock) {
        return create(props, keySource, redisOrNull, clock, null);
    }

    static ReactiveJwtDecoder create(AccessTokenProperties props, Function<SignedJWT, Flux<JWK>> keySource,
            ReactiveStringRedisTemplate redisOrNull, Clock clock, RevocationReplica replicaOrNull) {
        if (props.audience() == null || props.audience().isBlank()) {
            throw new IllegalArgumentException("shop.jwt.audience must be set (this service's id, e.g. shop-gateway)");
        }
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(keySource)
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                    new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(AccessTokenValidator.ACCESS_TOKEN_TYPE))))
            .build();
        nimbus.setJwtValidator(new AccessTokenValidator(props.issuer(), props.audience(), props.clockSkew(), clock));
        ReactiveStringRedisTemplate redis = props.denylistEnabled() ? redisOrNull : null;
        ReactiveJwtDecoder verifying = cached(nimbus, props, clock);
        return new RevocationCheckingJwtDecoder(verifying, redis, RevocationCheckingJwtDecoder.REDIS_TIMEOUT,
                replicaOrNull);
    }

    /**
     * The verifier behind a cache of the tokens it accepted, or the verifier itself when
     * the cache is off.
     */
    static ReactiveJwtDecoder cached(ReactiveJwtDecoder verifier, AccessTokenProperties props, Clock clock) {
        if (!props.cache().enabled()) {
            return verifier;
        }
        return new CachingJwtDecoder(verifier, props.cache().maxSize(), props.clockSkew(), clock);
    }

    private static JWKSet parseJwkSet(String json) {
        try {
            return JWKSet.parse(json);
        }
        catch (java.text.ParseException e) {
            throw new IllegalStateException("Malformed JWKS", e);
        }
    }

}
