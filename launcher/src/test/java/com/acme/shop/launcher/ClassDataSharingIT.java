package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real service (bff, built before this module in the reactor): the training run makes
 * an archive, and a JVM told to fail unless it maps that archive ({@code -Xshare:on})
 * starts bff with it.
 */
class ClassDataSharingIT {

    @TempDir
    Path dir;

    @Test
    void theTrainingRunMakesAnArchiveThatTheNextStartMaps() throws Exception {
        Path built = PlatformOptions.defaults().repoRoot().resolve("bff/target/bff-0.1.0-SNAPSHOT.jar");
        assumeTrue(Files.isRegularFile(built), "build bff first");
        // a checkout of its own (dir) with only bff built, and a data directory in it
        Path copy = Files.copy(built, Files.createDirectories(dir.resolve("bff/target")).resolve(built.getFileName()));
        PlatformOptions options = new PlatformOptions(dir, dir.resolve("data"), List.of("bff"), true, Map.of(), false);
        Path jar = ExtractedJar.prepare(copy, dir.resolve("data/app/bff"));
        ClassDataSharing cds = ClassDataSharing.forExtractedJar(jar);
        ServiceProcess bff = new ServiceProcess("bff", jar, dir, Map.of(), false, URI.create("http://127.0.0.1:1/"),
                dir.resolve("logs"), dir.resolve("run"), false, cds);
        Files.createDirectories(dir.resolve("logs"));
        assertFalse(Platform.classDataArchivesReady(options), "no archive yet");

        bff.makeArchive(Duration.ofMinutes(3));

        assertTrue(cds.ready(), () -> "no archive; training log:\n" + read(dir.resolve("logs/bff-cds.log")));
        assertTrue(Platform.classDataArchivesReady(options), "archive made from this very jar");
        List<String> command = new ArrayList<>(ServiceProcess.command(jar, null, cds.jvmOptions()));
        command.add(1, "-Xshare:on");
        command.add(2, "-Dspring.context.exit=onRefresh");
        Process check = new ProcessBuilder(command).directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("logs/check.log").toFile())
            .start();
        assertTrue(check.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, check.exitValue(),
                () -> "bff did not start with the archive mapped:\n" + read(dir.resolve("logs/check.log")));
        // a new build of the jar: its extracted copy, and so its archive, is not current
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 2000));
        assertFalse(Platform.classDataArchivesReady(options), "archive of an older build");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            return e.toString();
        }
    }

}
