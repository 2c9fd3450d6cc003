package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path dir;

    @Test
    void theArchiveLivesBesideTheExtractedJarAndIsMappedOnceItExists() throws IOException {
        ClassDataSharing cds = ClassDataSharing.forExtractedJar(dir.resolve("bff-0.1.0-SNAPSHOT.jar"));
        assertEquals(dir, cds.archive().getParent());
        assertTrue(cds.archive().getFileName().toString().matches("classes-[0-9a-f]+\\.jsa"));
        assertFalse(cds.ready());
        assertEquals(List.of(), cds.jvmOptions(), "no archive: a plain start");

        Files.write(cds.archive(), new byte[] { 1 });
        assertTrue(cds.ready());
        assertEquals(List.of("-XX:SharedArchiveFile=" + cds.archive(), "-Xlog:cds*=off"), cds.jvmOptions());
    }

    @Test
    void theTrainingRunWritesUnderATemporaryNameAndExitsAfterTheRefresh() throws IOException {
        ClassDataSharing cds = ClassDataSharing.forExtractedJar(dir.resolve("app.jar"));
        Files.writeString(cds.writing(), "left by an interrupted run");

        List<String> options = cds.trainingOptions();

        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + cds.writing(), "-Dspring.context.exit=onRefresh",
                "-Xlog:cds*=off"), options);
        assertFalse(Files.exists(cds.writing()), "what an interrupted run left is cleared");
    }

    @Test
    void anArchiveIsKeptOnlyAfterACleanExit() throws IOException {
        ClassDataSharing cds = ClassDataSharing.forExtractedJar(dir.resolve("app.jar"));
        Files.write(cds.writing(), new byte[] { 1, 2, 3 });
        cds.settle(1);
        assertFalse(Files.exists(cds.writing()));
        assertFalse(cds.ready(), "a failed run leaves no archive");

        Files.write(cds.writing(), new byte[0]);
        cds.settle(0);
        assertFalse(cds.ready(), "an empty file is no archive");

        Files.write(cds.writing(), new byte[] { 1, 2, 3 });
        cds.settle(0);
        assertTrue(cds.ready());
        assertFalse(Files.exists(cds.writing()));

        cds.settle(0);
        assertTrue(cds.ready(), "nothing written: the archive stays");
    }

    @Test
    void onForRunShOffForIsolatedPlatformsUnlessTheVariableSaysOtherwise() {
        PlatformOptions runSh = PlatformOptions.defaults().withEnvironment(Map.of());
        PlatformOptions isolated = PlatformOptions.isolated();
        assertTrue(Platform.classDataSharing(runSh));
        assertFalse(Platform.classDataSharing(isolated));
        assertFalse(Platform.classDataSharing(runSh.withEnv(ClassDataSharing.VARIABLE, "false")));
        assertTrue(Platform.classDataSharing(isolated.withEnv(ClassDataSharing.VARIABLE, "true")));
    }

}
