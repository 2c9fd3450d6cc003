package com.acme.shop.auth.account;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private static final byte[] PEPPER = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] OTHER_PEPPER = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private static final String PASSWORD = "blue otter sings at dawn";

    private final PasswordHasher hasher = new PasswordHasher(4, PEPPER, Schedulers.immediate());

    @Test
    void newHashesAreMarkedPepperedBcryptAndNeedNoRehash() {
        String hash = hasher.hash(PASSWORD).block();

        assertThat(hash).startsWith("{hmac-sha384-bcrypt}$2a$04$");
        assertThat(hasher.matches(PASSWORD, hash).block()).isTrue();
        assertThat(hasher.matches(PASSWORD + " ", hash).block()).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void theHashDependsOnThePepper() {
        String hash = hasher.hash(PASSWORD).block();
        assertThat(new PasswordHasher(4, OTHER_PEPPER, Schedulers.immediate()).matches(PASSWORD, hash).block())
            .isFalse();
    }

    @Test
    void passwordsOver72BytesAreHashedInFullNotTruncated() {
        String base = "ü".repeat(40); // 80 bytes: bcrypt alone would only see the first
                                      // 72
        String hash = hasher.hash(base + "a").block();

        assertThat(hasher.matches(base + "a", hash).block()).isTrue();
        assertThat(hasher.matches(base + "b", hash).block()).isFalse();
    }

    @Test
    void oldPlainBcryptHashesStillVerifyAndAskForARehash() {
        String legacy = new BCryptPasswordEncoder(4).encode(PASSWORD);

        assertThat(hasher.matches(PASSWORD, legacy).block()).isTrue();
        assertThat(hasher.matches("wrong password here", legacy).block()).isFalse();
        assertThat(hasher.matches(PASSWORD + "x".repeat(80), legacy).block()).isFalse();
        assertThat(hasher.needsRehash(legacy)).isTrue();
    }

    @Test
    void aLowerBcryptCostThanConfiguredAsksForARehash() {
        String cheap = hasher.hash(PASSWORD).block();
        PasswordHasher stronger = new PasswordHasher(5, PEPPER, Schedulers.immediate());

        assertThat(stronger.matches(PASSWORD, cheap).block()).isTrue();
        assertThat(stronger.needsRehash(cheap)).isTrue();
    }

    @Test
    void unknownUsersAndUnknownFormatsNeverMatch() {
        assertThat(hasher.matches(PASSWORD, null).block()).isFalse();
        assertThat(hasher.matches(PASSWORD, "{argon2}$whatever").block()).isFalse();
        assertThat(hasher.matches(null, hasher.hash(PASSWORD).block()).block()).isFalse();
    }

}
