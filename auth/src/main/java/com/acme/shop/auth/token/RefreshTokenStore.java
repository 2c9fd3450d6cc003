package com.acme.shop.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.acme.shop.common.security.RevocationKeys;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Refresh-token state in Redis (B10–B13). A token is 256 random bits (base64url); only
 * its SHA-256 is stored: {@code auth:rt:{hash}} = {user, family, abs (absolute expiry,
 * epoch s), used, born (when the login that started the family began, Redis clock, ms)}.
 * A family keeps the hashes of its tokens ({@code auth:rtf:{family}:rts}) and the
 * {@code jti|exp} of the access tokens issued with it ({@code auth:rtf:{family}:jtis}); a
 * user's families are listed in {@code auth:rtu:{user}}, so a password change can revoke
 * them all (B12). The password change also sets {@code tva:{iss}:{user}} ("tokens valid
 * after", {@link RevocationKeys}) in the same script; a family whose login began at or
 * before it can neither be created nor rotated, and no verifier accepts an access token
 * issued before it. Every state change is one Lua script, so two concurrent refreshes
 * with the same token cannot both succeed, and a login racing with a password change
 * either has its family revoked or never gets one.
 */
public class RefreshTokenStore {

    static final String RT_PREFIX = "auth:rt:";
    static final String FAMILY_PREFIX = "auth:rtf:";
    static final String USER_PREFIX = "auth:rtu:";
    static final Duration TVA_MARGIN = Duration.ofHours(1);

    /**
     * KEYS: new token hash, family rts, family jtis, user's families, user's tva. ARGV:
     * user, family, abs (epoch s), idle ttl (s), token hash, jti|exp, now (epoch s),
     * login start (Redis ms). Refuses ('stale') a login that started at or before the
     * user's "tokens valid after" instant; otherwise returns that instant ('0': none).
     */
    private static final RedisScript<String> CREATE = RedisScript.of(
            """
                    local tva = tonumber(redis.call('GET', KEYS[5]) or '0') or 0
                    if tva >= tonumber(ARGV[8]) then return 'stale' end
                    redis.call('HSET', KEYS[1], 'user', ARGV[1], 'family', ARGV[2], 'abs', ARGV[3], 'used', '0', 'born', ARGV[8])
                    redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
                    redis.call('SADD', KEYS[2], ARGV[5])
                    redis.call('SADD', KEYS[3], ARGV[6])
                    redis.call('EXPIREAT', KEYS[2], tonumber(ARGV[3]) + 60)
                    redis.call('EXPIREAT', KEYS[3], tonumber(ARGV[3]) + 60)
                    redis.call('SADD', KEYS[4], ARGV[2])
                    local ttl = redis.call('TTL', KEYS[4])
                    local wanted = tonumber(ARGV[3]) + 60 - tonumber(ARGV[7])
                    if ttl < wanted then redis.call('EXPIRE', KEYS[4], wanted) end
                    return string.format('%.0f', tva)
                    """,
            String.class);

    /**
     * KEYS: presented token hash, next token hash, family rts, family jtis, user's tva.
     * ARGV: family, now (epoch s), idle ttl (s), next hash, jti|exp, durable tva (ms,
     * from PostgreSQL; 0 = none). A family that started at or before the user's "tokens
     * valid after" instant is 'stale'. Returns 'ok <tva ms>' on success.
     */
    private static final RedisScript<String> ROTATE = RedisScript.of("""
            local d = redis.call('HMGET', KEYS[1], 'user', 'family', 'abs', 'used', 'born')
            if not d[1] or d[2] ~= ARGV[1] then return 'missing' end
            if d[4] == '1' then return 'reused' end
            local now = tonumber(ARGV[2])
            local abs = tonumber(d[3])
            if abs <= now then return 'expired' end
            if redis.call('EXISTS', KEYS[3]) == 0 then return 'missing' end
            local tva = math.max(tonumber(redis.call('GET', KEYS[5]) or '0') or 0, tonumber(ARGV[6]))
            local born = tonumber(d[5] or '0') or 0
            if tva > 0 and tva >= born then return 'stale' end
            redis.call('HSET', KEYS[1], 'used', '1')
            redis.call('EXPIRE', KEYS[1], abs - now)
            local ttl = math.min(tonumber(ARGV[3]), abs - now)
            redis.call('HSET', KEYS[2], 'user', d[1], 'family', d[2], 'abs', d[3], 'used', '0', 'born', d[5] or '0')
            redis.call('EXPIRE', KEYS[2], ttl)
            redis.call('SADD', KEYS[3], ARGV[4])
            redis.call('SADD', KEYS[4], ARGV[5])
            return 'ok ' .. string.format('%.0f', tva)
            """, String.class);

    private static final String REVOKE_FAMILY = """
            local function revoke(rtsKey, jtisKey, rtPrefix, denyPrefix, now)
              local rts = redis.call('SMEMBERS', rtsKey)
              for _, h in ipairs(rts) do redis.call('DEL', rtPrefix .. h) end
              for _, e in ipairs(redis.call('SMEMBERS', jtisKey)) do
                local sep = string.find(e, '|', 1, true)
                if sep then
                  local ttl = tonumber(string.sub(e, sep + 1)) - now + 60
                  if ttl > 0 then redis.call('SET', denyPrefix .. string.sub(e, 1, sep - 1), '1', 'EX', ttl) end
                end
              end
              redis.call('DEL', rtsKey, jtisKey)
              return #rts
            end
            """;

    private static final RedisScript<Long> REVOKE = RedisScript.of(REVOKE_FAMILY + """
            return revoke(KEYS[1], KEYS[2], ARGV[1], ARGV[2], tonumber(ARGV[3]))
            """, Long.class);

    /**
     * The password-change step (B12), atomic: sets the user's "tokens valid after"
     * instant to Redis' own clock (ms; never lowered) and revokes every family of the
     * user like {@link #REVOKE}. KEYS: user's families, user's tva. ARGV: rt prefix, deny
     * prefix, now (epoch s), family prefix, tva ttl (s). Returns {tva ms, tokens killed}.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REVOKE_ALL = RedisScript.of(REVOKE_FAMILY + """
            local t = redis.call('TIME')
            local tva = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local previous = tonumber(redis.call('GET', KEYS[2]) or '0') or 0
            if previous > tva then tva = previous end
            redis.call('SET', KEYS[2], string.format('%.0f', tva), 'EX', tonumber(ARGV[5]))
            local killed = 0
            for _, family in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              killed = killed + revoke(ARGV[4] .. family .. ':rts', ARGV[4] .. family .. ':jtis', ARGV[1], ARGV[2],
                  tonumber(ARGV[3]))
            end
            redis.call('DEL', KEYS[1])
            return { tva, killed }
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    private final TokenProperties properties;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    public RefreshTokenStore(ReactiveStringRedisTemplate redis, TokenProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts a new family for a login that began (read the account) at
     * {@code loginStartMillis} ({@link #serverTimeMillis()}) and records the slot's
     * access token in it. Empty when the user's tokens-valid-after instant is at or after
     * that start: the password was changed while this login checked the old one.
     */
    public Mono<NewFamily> startFamily(UUID userId, AccessTokenSlot accessToken, long loginStartMillis) {
        String token = newToken();
        String family = UUID.randomUUID().toString();
        long now = now();
        long abs = now + properties.refreshAbsoluteTtl().toSeconds();
        long idle = Math.min(properties.refreshIdleTtl().toSeconds(), abs - now);
        return redis
            .execute(CREATE,
                    List.of(RT_PREFIX + hash(token), rtsKey(family), jtisKey(family), userKey(userId), tvaKey(userId)),
                    List.of(userId.toString(), family, Long.toString(abs), Long.toString(idle), hash(token),
                            jtiEntry(accessToken), Long.toString(now), Long.toString(loginStartMillis)))
            .next()
            .filter(result -> !"stale".equals(result))
            .map(tva -> new NewFamily(token, Long.parseLong(tva)));
    }

    /**
     * Redis' clock in epoch milliseconds: the one clock every tokens-valid-after
     * comparison uses.
     */
    public Mono<Long> serverTimeMillis() {
        return redis.execute(connection -> connection.serverCommands().time()).next();
    }

    /**
     * Looks up the (unverified) owner and family of a presented token; empty when
     * unknown.
     */
    public Mono<RefreshTokenOwner> find(String token) {
        if (!wellFormed(token)) {
            return Mono.empty();
        }
        return redis.<String, String>opsForHash()
            .multiGet(RT_PREFIX + hash(token), List.of("user", "family"))
            .filter(values -> values.get(0) != null && values.get(1) != null)
            .map(values -> new RefreshTokenOwner(UUID.fromString(values.get(0)), values.get(1)));
    }

    /**
     * Atomically marks {@code token} used and adds a new token (and the slot's access
     * token) to the family. A token that was already used revokes the family (B11); so
     * does a family that started before the user's tokens-valid-after instant, the later
     * of Redis' and {@code durableValidAfterMillis} (PostgreSQL's
     * {@code password_changed_at}, which survives a lost Redis key).
     */
    public Mono<Rotation> rotate(String token, RefreshTokenOwner owner, AccessTokenSlot accessToken,
            long durableValidAfterMillis) {
        String next = newToken();
        String family = owner.family();
        return redis
            .execute(ROTATE,
                    List.of(RT_PREFIX + hash(token), RT_PREFIX + hash(next), rtsKey(family), jtisKey(family),
                            tvaKey(owner.userId())),
                    List.of(family, Long.toString(now()), Long.toString(properties.refreshIdleTtl().toSeconds()),
                            hash(next), jtiEntry(accessToken), Long.toString(durableValidAfterMillis)))
            .next()
            .flatMap(result -> {
                if (result.startsWith("ok ")) {
                    return Mono.just(new Rotation(Rotation.Outcome.ROTATED, next, Long.parseLong(result.substring(3))));
                }
                return switch (result) {
                    case "reused" -> revokeFamily(family).thenReturn(Rotation.failed(Rotation.Outcome.REUSED));
                    case "stale" -> revokeFamily(family).thenReturn(Rotation.failed(Rotation.Outcome.INVALID));
                    default -> Mono.just(Rotation.failed(Rotation.Outcome.INVALID));
                };
            });
    }

    /**
     * Kills every token of the family and denylists the jti of every access token issued
     * with it.
     */
    public Mono<Long> revokeFamily(String family) {
        return redis
            .execute(REVOKE, List.of(rtsKey(family), jtisKey(family)),
                    List.of(RT_PREFIX, RevocationKeys.denylistPrefix(properties.issuer()), Long.toString(now())))
            .next()
            .defaultIfEmpty(0L);
    }

    /**
     * The password-change step (B12), one script: sets the user's "tokens valid after"
     * instant (Redis clock, ms) and revokes every family of the user, each as
     * {@link #revokeFamily}. From then on no family that started before can be created or
     * rotated, and every verifier refuses the user's access tokens issued before
     * (common's decoder). The instant lives {@code refreshAbsoluteTtl + 1 h}, longer than
     * anything it guards.
     */
    public Mono<SessionsRevoked> revokeAllSessions(UUID userId) {
        long ttl = properties.refreshAbsoluteTtl().plus(TVA_MARGIN).toSeconds();
        return redis
            .execute(REVOKE_ALL, List.of(userKey(userId), tvaKey(userId)),
                    List.of(RT_PREFIX, RevocationKeys.denylistPrefix(properties.issuer()), Long.toString(now()),
                            FAMILY_PREFIX, Long.toString(ttl)))
            .next()
            .map(values -> new SessionsRevoked(((Number) values.get(0)).longValue(),
                    ((Number) values.get(1)).longValue()));
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
        return token != null && token.length() == 43
                && token.chars()
                    .allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                            || c == '-' || c == '_');
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private String tvaKey(UUID userId) {
        return RevocationKeys.tokensValidAfter(properties.issuer(), userId.toString());
    }

    private static String jtiEntry(AccessTokenSlot token) {
        return token.jti() + "|" + token.expiresBy().getEpochSecond();
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

    /**
     * A started family: its first refresh token and the user's tokens-valid-after instant
     * (ms, 0 = none).
     */
    public record NewFamily(String refreshToken, long tokensValidAfterMillis) {

        @Override
        public String toString() {
            return "NewFamily[tokensValidAfter=" + tokensValidAfterMillis + "]";
        }
    }

    /**
     * What a password change revoked: the new tokens-valid-after instant (Redis clock,
     * ms) and the tokens killed.
     */
    public record SessionsRevoked(long tokensValidAfterMillis, long refreshTokensKilled) {
    }

    public record Rotation(Outcome outcome, String refreshToken, long tokensValidAfterMillis) {

        public enum Outcome {

            ROTATED, REUSED, INVALID

        }

        static Rotation failed(Outcome outcome) {
            return new Rotation(outcome, null, 0);
        }

        @Override
        public String toString() {
            return "Rotation[" + outcome + "]";
        }
    }

}
