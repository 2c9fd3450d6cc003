package com.acme.shop.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Refresh-token state in Redis (B10–B13). A token is 256 random bits (base64url); only its SHA-256
 * is stored: {@code auth:rt:{hash}} = {user, family, abs (absolute expiry, epoch s), used}. A family
 * keeps the hashes of its tokens ({@code auth:rtf:{family}:rts}) and the {@code jti|exp} of the access
 * tokens issued with it ({@code auth:rtf:{family}:jtis}); a user's families are listed in
 * {@code auth:rtu:{user}}, so a password change can revoke them all (B12). Every state change is one Lua
 * script, so two concurrent refreshes with the same token cannot both succeed.
 */
public class RefreshTokenStore {

    static final String RT_PREFIX = "auth:rt:";
    static final String FAMILY_PREFIX = "auth:rtf:";
    static final String USER_PREFIX = "auth:rtu:";

    private static final RedisScript<String> CREATE = RedisScript.of("""
            redis.call('HSET', KEYS[1], 'user', ARGV[1], 'family', ARGV[2], 'abs', ARGV[3], 'used', '0')
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
            redis.call('SADD', KEYS[2], ARGV[5])
            redis.call('SADD', KEYS[3], ARGV[6])
            redis.call('EXPIREAT', KEYS[2], tonumber(ARGV[3]) + 60)
            redis.call('EXPIREAT', KEYS[3], tonumber(ARGV[3]) + 60)
            redis.call('SADD', KEYS[4], ARGV[2])
            local ttl = redis.call('TTL', KEYS[4])
            local wanted = tonumber(ARGV[3]) + 60 - tonumber(ARGV[7])
            if ttl < wanted then redis.call('EXPIRE', KEYS[4], wanted) end
            return 'ok'
            """, String.class);

    private static final RedisScript<String> ROTATE = RedisScript.of("""
            local d = redis.call('HMGET', KEYS[1], 'user', 'family', 'abs', 'used')
            if not d[1] or d[2] ~= ARGV[1] then return 'missing' end
            if d[4] == '1' then return 'reused' end
            local now = tonumber(ARGV[2])
            local abs = tonumber(d[3])
            if abs <= now then return 'expired' end
            if redis.call('EXISTS', KEYS[3]) == 0 then return 'missing' end
            redis.call('HSET', KEYS[1], 'used', '1')
            redis.call('EXPIRE', KEYS[1], abs - now)
            local ttl = math.min(tonumber(ARGV[3]), abs - now)
            redis.call('HSET', KEYS[2], 'user', d[1], 'family', d[2], 'abs', d[3], 'used', '0')
            redis.call('EXPIRE', KEYS[2], ttl)
            redis.call('SADD', KEYS[3], ARGV[4])
            redis.call('SADD', KEYS[4], ARGV[5])
            return 'ok'
            """, String.class);

    private static final RedisScript<Long> REVOKE = RedisScript.of("""
            local rts = redis.call('SMEMBERS', KEYS[1])
            for _, h in ipairs(rts) do redis.call('DEL', ARGV[1] .. h) end
            local now = tonumber(ARGV[3])
            for _, e in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              local sep = string.find(e, '|', 1, true)
              if sep then
                local ttl = tonumber(string.sub(e, sep + 1)) - now + 60
                if ttl > 0 then redis.call('SET', ARGV[2] .. string.sub(e, 1, sep - 1), '1', 'EX', ttl) end
              end
            end
            redis.call('DEL', KEYS[1], KEYS[2])
            return #rts
            """, Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final TokenProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokenStore(ReactiveStringRedisTemplate redis, TokenProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new family for a login; returns the new refresh token. */
    public Mono<String> startFamily(UUID userId, IssuedAccessToken accessToken) {
        String token = newToken();
        String family = UUID.randomUUID().toString();
        long now = now();
        long abs = now + properties.refreshAbsoluteTtl().toSeconds();
        long idle = Math.min(properties.refreshIdleTtl().toSeconds(), abs - now);
        return redis.execute(CREATE,
                        List.of(RT_PREFIX + hash(token), rtsKey(family), jtisKey(family), userKey(userId)),
                        List.of(userId.toString(), family, Long.toString(abs), Long.toString(idle), hash(token),
                                jtiEntry(accessToken), Long.toString(now)))
                .then(Mono.just(token));
    }

    /** Looks up the (unverified) owner and family of a presented token; empty when unknown. */
    public Mono<RefreshTokenOwner> find(String token) {
        if (!wellFormed(token)) {
            return Mono.empty();
        }
        return redis.<String, String>opsForHash().multiGet(RT_PREFIX + hash(token), List.of("user", "family"))
                .filter(values -> values.get(0) != null && values.get(1) != null)
                .map(values -> new RefreshTokenOwner(UUID.fromString(values.get(0)), values.get(1)));
    }

    /**
     * Atomically marks {@code token} used and adds a new token (and the new access token) to the family.
     * A token that was already used revokes the family.
     */
    public Mono<Rotation> rotate(String token, RefreshTokenOwner owner, IssuedAccessToken accessToken) {
        String next = newToken();
        String family = owner.family();
        return redis.execute(ROTATE,
                        List.of(RT_PREFIX + hash(token), RT_PREFIX + hash(next), rtsKey(family), jtisKey(family)),
                        List.of(family, Long.toString(now()), Long.toString(properties.refreshIdleTtl().toSeconds()),
                                hash(next), jtiEntry(accessToken)))
                .next()
                .flatMap(result -> switch (result) {
                    case "ok" -> Mono.just(new Rotation(Rotation.Outcome.ROTATED, next));
                    case "reused" -> revokeFamily(family).thenReturn(new Rotation(Rotation.Outcome.REUSED, null));
                    default -> Mono.just(new Rotation(Rotation.Outcome.INVALID, null));
                });
    }

    /** Kills every token of the family and denylists the jti of every access token issued with it. */
    public Mono<Long> revokeFamily(String family) {
        return redis.execute(REVOKE, List.of(rtsKey(family), jtisKey(family)),
                        List.of(RT_PREFIX, Denylist.prefix(properties.issuer()), Long.toString(now())))
                .next()
                .defaultIfEmpty(0L);
    }

    /**
     * Revokes every family of the user (password change, B12), each as {@link #revokeFamily}; returns
     * the number of refresh tokens killed. A family started while this runs is either revoked or kept.
     */
    public Mono<Long> revokeAllFamilies(UUID userId) {
        String key = userKey(userId);
        return redis.opsForSet().members(key)
                .concatMap(family -> revokeFamily(family)
                        .flatMap(killed -> redis.opsForSet().remove(key, family).thenReturn(killed)))
                .reduce(0L, Long::sum);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(
                c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static String jtiEntry(IssuedAccessToken token) {
        return token.jti() + "|" + token.expiresAt().getEpochSecond();
    }

    private static String rtsKey(String family) {
        return FAMILY_PREFIX + family + ":rts";
    }

    private static String jtisKey(String family) {
        return FAMILY_PREFIX + family + ":jtis";
    }

    private static String userKey(UUID userId) {
        return USER_PREFIX + userId;
    }

    public record RefreshTokenOwner(UUID userId, String family) {
    }

    public record Rotation(Outcome outcome, String refreshToken) {

        public enum Outcome { ROTATED, REUSED, INVALID }

        @Override
        public String toString() {
            return "Rotation[" + outcome + "]";
        }
    }
}
