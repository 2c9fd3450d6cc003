package com.acme.shop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    private final Path root = Path.of("/repo");

    @Test
    void defaultsMeasureEverythingWithTheProductionOptionsWithinTenMinutes() {
        BenchOptions o = BenchOptions.parse(List.of(), root);
        assertTrue(o.startupPhase());
        assertTrue(o.write());
        assertFalse(o.smoke());
        assertEquals(BenchOptions.PRODUCTION_JAVA_OPTS, o.javaOpts());
        assertFalse(o.javaOpts().contains("TieredStopAtLevel"));
        assertTrue(o.budget().compareTo(Duration.ofMinutes(10)) < 0);
    }

    @Test
    void aLongerBudgetLeavesTheWarmUpMoreTime() {
        BenchOptions o = BenchOptions.parse(List.of("--budget", "1500", "--warmup-max", "900"), root);
        assertEquals(Duration.ofSeconds(1500), o.budget());
        assertEquals(Duration.ofSeconds(900), o.warmupMax());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--budget"), root));
    }

    @Test
    void aBaselineGatewayMustBeAnExistingFile(@TempDir Path dir) throws Exception {
        assertNull(BenchOptions.parse(List.of(), root).baselineGateway());
        Path jar = Files.writeString(dir.resolve("gateway-before.jar"), "jar");
        assertEquals(jar, BenchOptions.parse(List.of("--baseline-gateway", jar.toString()), root).baselineGateway());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--baseline-gateway", dir.resolve("nope.jar").toString()), root));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--baseline-gateway"), root));
    }

    @Test
    void smokeIsShortAndWritesNothing() {
        BenchOptions o = BenchOptions.parse(List.of("--smoke"), root);
        assertTrue(o.smoke());
        assertFalse(o.write());
        assertFalse(o.startupPhase());
        assertTrue(o.slice().toSeconds() <= 2);
        assertEquals(1, o.rounds());
    }

    @Test
    void readsValuesAndRefusesUnknownOptions() {
        BenchOptions o = BenchOptions.parse(List.of("--slice", "7", "--rounds", "4", "--connections", "16",
                "--java-opts", "-Xmx512m", "--no-write", "--profile"), root);
        assertEquals(Duration.ofSeconds(7), o.slice());
        assertEquals(4, o.rounds());
        assertEquals(16, o.connections());
        assertEquals("-Xmx512m", o.javaOpts());
        assertFalse(o.write());
        assertTrue(o.profile());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--fast"), root));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--rounds"), root));
    }

}
