package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedJarTest {

    @TempDir
    Path dir;

    @Test
    void aJarThatIsNotASpringBootJarRunsAsItIs() throws IOException {
        Path jar = dir.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "example.Main");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // an empty jar with a manifest
        }

        assertEquals(jar, ExtractedJar.prepare(jar, dir.resolve("app/plain")));
        assertFalse(Files.exists(dir.resolve("app/plain")));
    }

    /**
     * With a real service jar (bff's, built before this module in the reactor): the copy
     * runs from plain jars, is reused while the jar is unchanged and made again when it
     * changes.
     */
    @Test
    void aServiceJarIsExtractedOnceAndAgainWhenItChanges() throws IOException {
        Path built = PlatformOptions.defaults().repoRoot().resolve("bff/target/bff-0.1.0-SNAPSHOT.jar");
        assumeTrue(Files.isRegularFile(built), "build bff first");
        Path jar = Files.copy(built, dir.resolve("bff-0.1.0-SNAPSHOT.jar"));
        Path app = dir.resolve("app/bff");
        Files.createDirectories(dir.resolve("app/bff.extracting/left-over"));

        Path extracted = ExtractedJar.prepare(jar, app);

        assertEquals(app.resolve("bff-0.1.0-SNAPSHOT.jar"), extracted);
        assertTrue(ExtractedJar.isSpringBootJar(jar));
        assertFalse(ExtractedJar.isSpringBootJar(extracted), "the extracted jar needs no Boot loader");
        String classPath = classPathOf(extracted);
        assertTrue(classPath.contains("lib/spring-core-"), classPath);
        assertTrue(Files.isDirectory(app.resolve("lib")));
        assertFalse(Files.exists(dir.resolve("app/bff.extracting")), "no staging directory is left");
        assertEquals(ExtractedJar.stampOf(jar),
                Files.readString(app.resolve(ExtractedJar.STAMP_FILE), StandardCharsets.UTF_8));

        FileTime madeAt = FileTime.fromMillis(0);
        Files.setLastModifiedTime(extracted, madeAt);
        assertEquals(extracted, ExtractedJar.prepare(jar, app));
        assertEquals(madeAt, Files.getLastModifiedTime(extracted), "an unchanged jar is not extracted again");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertEquals(extracted, ExtractedJar.prepare(jar, app));
        assertNotEquals(madeAt, Files.getLastModifiedTime(extracted), "a changed jar is extracted again");
        assertEquals(ExtractedJar.stampOf(jar),
                Files.readString(app.resolve(ExtractedJar.STAMP_FILE), StandardCharsets.UTF_8));
    }

    /** The application jar's manifest Class-Path (the extracted libraries). */
    private static String classPathOf(Path extractedJar) throws IOException {
        try (JarFile file = new JarFile(extractedJar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
    }

}
