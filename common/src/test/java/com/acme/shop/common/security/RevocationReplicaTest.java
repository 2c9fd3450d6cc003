package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.acme.shop.common.security.RevocationReplica.Verdict;
import com.acme.shop.common.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RevocationReplicaTest {

    static final String DENY = RevocationKeys.denylist("shop-auth", "jti-1");

    static final String TVA = RevocationKeys.tokensValidAfter("shop-auth", "user-1");

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

    final AtomicLong nanos = new AtomicLong(1_000);

    final RevocationReplica replica = new RevocationReplica(clock, nanos::get, Duration.ofSeconds(3).toNanos());

    final Instant issued = clock.instant().minusSeconds(30);

    private Verdict check() {
        return replica.check(DENY, TVA, issued);
    }

    private void sync() {
        replica.resyncDone(replica.resyncStarted());
    }

    /** A complete resync whose scan found {@code key}. */
    private void syncWith(String key, String value, long pttlMillis) {
        long generation = replica.resyncStarted();
        replica.scanned(generation, key, value, pttlMillis);
        replica.resyncDone(generation);
    }

    @Test
    void knowsNothingBeforeItsFirstResync() {
        assertThat(check()).isEqualTo(Verdict.UNKNOWN);
        sync();
        assertThat(check()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aScannedDenylistEntryRevokes() {
        syncWith(DENY, "1", 60_000);
        assertThat(check()).isEqualTo(Verdict.REVOKED);
        assertThat(replica.check(RevocationKeys.denylist("shop-auth", "other"), TVA, issued)).isEqualTo(Verdict.VALID);
    }

    @Test
    void tokensValidAfterRevokesOnlyTokensIssuedBeforeIt() {
        syncWith(TVA, Long.toString(clock.millis() - 10_000), -1);
        assertThat(check()).isEqualTo(Verdict.REVOKED);
        assertThat(replica.check(DENY, TVA, clock.instant())).isEqualTo(Verdict.VALID);
    }

    @Test
    void aChangedKeyIsUnknownUntilItsNewStateIsRead() {
        sync();
        long change = replica.keyChanged(DENY);
        assertThat(check()).isEqualTo(Verdict.UNKNOWN);
        replica.keyRead(DENY, change, "1", 60_000);
        assertThat(check()).isEqualTo(Verdict.REVOKED);
        long deleted = replica.keyChanged(DENY);
        replica.keyRead(DENY, deleted, null, -2);
        assertThat(check()).isEqualTo(Verdict.VALID);
    }

    @Test
    void anOlderReadBackDoesNotEndANewerChange() {
        sync();
        long first = replica.keyChanged(DENY);
        long second = replica.keyChanged(DENY);
        replica.keyRead(DENY, first, null, -2);
        assertThat(check()).isEqualTo(Verdict.UNKNOWN);
        replica.keyRead(DENY, second, "1", 60_000);
        assertThat(check()).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void aFailedReadBackPutsTheReplicaOutOfSyncUntilTheNextResyncCoversTheKey() {
        sync();
        long change = replica.keyChanged(DENY);
        replica.keyReadFailed(DENY, change);
        assertThat(replica.isInSync()).isFalse();
        syncWith(DENY, "1", 60_000);
        assertThat(check()).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void aChangeDuringAResyncWinsOverTheScanThatMayHaveReadItBefore() {
        long generation = replica.resyncStarted();
        long change = replica.keyChanged(DENY);
        replica.keyRead(DENY, change, "1", 60_000);
        replica.scanned(generation, DENY, null, -2); // read before the SET
        replica.resyncDone(generation);
        assertThat(check()).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void keysGoneFromRedisAreDroppedByTheResync() {
        syncWith(DENY, "1", 60_000);
        replica.feedLost();
        sync(); // Redis restarted empty
        assertThat(check()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aLostFeedEndsTheSyncAndAResyncStartedBeforeTheLossDoesNotRestoreIt() {
        sync();
        long generation = replica.resyncStarted();
        replica.feedLost();
        assertThat(check()).isEqualTo(Verdict.UNKNOWN);
        replica.resyncDone(generation);
        assertThat(check()).isEqualTo(Verdict.UNKNOWN);
        sync();
        assertThat(check()).isEqualTo(Verdict.VALID);
    }

    @Test
    void withoutHeartbeatsTheReplicaFallsOutOfSyncAfterTheAliveWindow() {
        sync();
        nanos.addAndGet(Duration.ofMillis(2_900).toNanos());
        assertThat(check()).isEqualTo(Verdict.VALID);
        replica.feedAlive();
        nanos.addAndGet(Duration.ofMillis(2_900).toNanos());
        assertThat(check()).isEqualTo(Verdict.VALID);
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(check()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void anEntryPastItsTimeToLiveNoLongerCountsAndIsSweptAway() {
        syncWith(DENY, "1", 5_000);
        assertThat(check()).isEqualTo(Verdict.REVOKED);
        clock.advance(Duration.ofSeconds(6));
        assertThat(check()).isEqualTo(Verdict.VALID);
        assertThat(replica.size()).isEqualTo(1);
        replica.sweep();
        assertThat(replica.size()).isZero();
    }

    @Test
    void anUnparsableTokensValidAfterRevokesEverything() {
        syncWith(TVA, "garbage", -1);
        assertThat(replica.check(DENY, TVA, clock.instant().plusSeconds(60))).isEqualTo(Verdict.REVOKED);
    }

    @Test
    void mergesTheNotificationFlagsItNeedsWithThoseAlreadySet() {
        assertThat(RevocationFeed.mergedFlags("")).isEqualTo("K$gxe");
        assertThat(RevocationFeed.mergedFlags(null)).isEqualTo("K$gxe");
        assertThat(RevocationFeed.mergedFlags("Egx")).isEqualTo("EgxK$e");
        assertThat(RevocationFeed.mergedFlags("AKE")).isEqualTo("AKE");
        assertThat(RevocationFeed.mergedFlags("KEA")).isEqualTo("KEA");
        assertThat(RevocationFeed.mergedFlags("A")).isEqualTo("AK");
    }

    @Test
    void escapesGlobCharactersOfTheIssuer() {
        assertThat(RevocationFeed.globEscape("deny:https://a[1]/*?:")).isEqualTo("deny:https://a\\[1\\]/\\*\\?:");
    }

}
