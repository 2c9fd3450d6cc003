package com.acme.shop.auth.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Password hashing off the event loop (on the service's {@link BcryptScheduler},
 * low-priority threads; {@code boundedElastic} for the tests' and tools' constructors),
 * B16:
 * <ul>
 * <li>new hashes are {@value #PEPPERED_PREFIX}{@code $2a$..}: bcrypt of the peppered
 * HMAC-SHA-384 pre-hash ({@link PepperedBcrypt}), so passwords longer than 72 UTF-8 bytes
 * are hashed in full;</li>
 * <li>hashes without a prefix are the old plain bcrypt: still verified (a password over
 * 72 bytes never matches one, nothing is truncated), and {@link #needsRehash} tells the
 * login to replace them, as it does for a bcrypt cost below the configured one.</li>
 * </ul>
 * Spring Security's {@link DelegatingPasswordEncoder} picks the encoder by the
 * {@code {id}} prefix. A dummy hash of the same cost lets unknown users take as long as
 * known ones (B15).
 */
public class PasswordHasher {

    static final String PEPPERED_ID = "hmac-sha384-bcrypt";
    static final String PEPPERED_PREFIX = "{" + PEPPERED_ID + "}";
    static final int BCRYPT_MAX_BYTES = 72;

    private final DelegatingPasswordEncoder encoder;

    private final BCryptPasswordEncoder legacy;

    private final String dummyHash;

    private final Scheduler scheduler;

    /**
     * With a random pepper of its own: for tests and tools only (hashes do not survive a
     * restart).
     */
    public PasswordHasher(int cost) {
        this(cost, randomPepper(), Schedulers.boundedElastic());
    }

    public PasswordHasher(int cost, byte[] pepper) {
        this(cost, pepper, Schedulers.boundedElastic());
    }

    /**
     * Hashing and checks run on {@code scheduler} (the service's
     * {@link BcryptScheduler}).
     */
    public PasswordHasher(int cost, byte[] pepper, Scheduler scheduler) {
        SecureRandom random = new SecureRandom();
        this.legacy = new BCryptPasswordEncoder(cost, random);
        this.encoder = new DelegatingPasswordEncoder(PEPPERED_ID, Map.of(PEPPERED_ID,
                new PepperedBcrypt(new BCryptPasswordEncoder(cost, random), pepper), "bcrypt", legacy));
        this.encoder.setDefaultPasswordEncoderForMatches(legacy);
        this.scheduler = scheduler;
        byte[] dummy = new byte[24];
        random.nextBytes(dummy);
        this.dummyHash = encoder.encode(Base64.getEncoder().encodeToString(dummy));
    }

    public Mono<String> hash(String password) {
        if (password == null) {
            return Mono.error(new IllegalArgumentException("password must not be null"));
        }
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(scheduler);
    }

    /**
     * Checks a password against a hash (either form), or against the dummy hash when
     * {@code hash} is null.
     */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
            String stored = hash == null ? dummyHash : hash;
            // plain bcrypt cannot take more than 72 bytes: spend the same time, never
            // match, never truncate
            boolean unusable = password == null || (isLegacy(stored) && exceedsBcryptLimit(password));
            boolean match;
            try {
                match = encoder.matches(unusable ? "" : password, stored);
            }
            catch (IllegalArgumentException ex) { // an unknown {id} or a malformed hash
                match = false;
            }
            return match && !unusable && hash != null;
        }).subscribeOn(scheduler);
    }

    /**
     * True for a hash in an old format (plain bcrypt) or with a bcrypt cost below the
     * configured one.
     */
    public boolean needsRehash(String hash) {
        if (hash == null) {
            return false;
        }
        try {
            return encoder.upgradeEncoding(hash);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    static boolean isLegacy(String hash) {
        return !hash.startsWith(PEPPERED_PREFIX);
    }

    static boolean exceedsBcryptLimit(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
    }

    private static byte[] randomPepper() {
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        return pepper;
    }

}
