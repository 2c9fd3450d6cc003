package com.acme.shop.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {

    private static final PlatformOptions BASE = new PlatformOptions(Path.of("/repo"), Path.of("/repo/.data"),
            PlatformOptions.ALL_SERVICES, false, Map.of(), true);

    @Test
    void parsesAllOptions() {
        Launcher.Args args = Launcher.Args.parse(new String[] { "--reset", "--services", "auth,member",
                "--random-ports", "--data-dir=/tmp/shop-data", "--quiet" });
        assertTrue(args.reset());
        PlatformOptions options = args.apply(BASE);
        assertEquals(List.of("auth", "member"), options.services());
        assertTrue(options.randomPorts());
        assertEquals(Path.of("/tmp/shop-data"), options.dataDir());
        assertFalse(options.streamLogs());
    }

    @Test
    void noOptionsKeepsDefaults() {
        Launcher.Args args = Launcher.Args.parse(new String[0]);
        assertFalse(args.help());
        assertEquals(BASE, args.apply(BASE));
    }

    @Test
    void rejectsUnknownOptionsAndServices() {
        assertThrows(IllegalArgumentException.class, () -> Launcher.Args.parse(new String[] { "--frobnicate" }));
        assertThrows(IllegalArgumentException.class,
                () -> Launcher.Args.parse(new String[] { "--services", "auth,shop" }));
        assertThrows(IllegalArgumentException.class, () -> Launcher.Args.parse(new String[] { "--data-dir" }));
    }

    @Test
    void helpIsRecognised() {
        assertTrue(Launcher.Args.parse(new String[] { "-h" }).help());
        assertTrue(Launcher.USAGE.contains("--reset"));
    }

    @Test
    void optionsAreImmutableCopies() {
        PlatformOptions changed = BASE.withEnv("X", "1").withServices("gateway").withRandomPorts().withLogs(false);
        assertEquals(Map.of(), BASE.env());
        assertEquals(Map.of("X", "1"), changed.env());
        assertEquals(List.of("gateway"), changed.services());
        assertThrows(IllegalArgumentException.class, () -> BASE.withServices("nope"));
    }

    @Test
    void startupTimeoutComesFromTheEnvironment() {
        Duration fallback = Duration.ofSeconds(180);
        assertEquals(fallback, BASE.healthTimeout(fallback));
        assertEquals(Duration.ofSeconds(600), BASE.withEnv("STARTUP_TIMEOUT_SECONDS", " 600 ").healthTimeout(fallback));
        for (String bad : List.of("0", "-5", "2m", "ten")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BASE.withEnv("STARTUP_TIMEOUT_SECONDS", bad).healthTimeout(fallback));
            assertTrue(e.getMessage().contains("STARTUP_TIMEOUT_SECONDS"), e.getMessage());
        }
    }

    @Test
    void defaultsFindTheRepositoryRootWithMvnw() {
        PlatformOptions defaults = PlatformOptions.defaults();
        assertTrue(Files.isRegularFile(defaults.repoRoot().resolve("mvnw")));
        assertEquals(defaults.repoRoot().resolve(".data"), defaults.dataDir());
        assertEquals(PlatformOptions.ALL_SERVICES, defaults.services());
        assertFalse(defaults.randomPorts());
    }

    @Test
    void resetDeletesTheDataDirectory(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve(".data");
        Files.createDirectories(data.resolve("postgres/base"));
        Files.writeString(data.resolve("postgres/base/file"), "x");
        Launcher.deleteRecursively(data);
        assertFalse(Files.exists(data));
    }

}
