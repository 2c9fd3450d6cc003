package com.acme.shop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipFile;

import com.acme.shop.launcher.PlatformOptions;

/**
 * Copies the service jars into {@code target/e2e-jars/<module>/target/} before the
 * platform starts, so a module rebuilt while the suite runs (another build, an IDE)
 * cannot pull a jar from under a running service. Turn off with
 * {@code -De2e.snapshotJars=false}.
 */
final class JarSnapshot {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private static final int ATTEMPTS = 10;

    private JarSnapshot() {
    }

    /** Returns the directory to use as the launcher's repository root. */
    static Path take(Path repoRoot, Path snapshotRoot) {
        for (String service : PlatformOptions.ALL_SERVICES) {
            Path source = repoRoot.resolve(service).resolve("target").resolve(service + "-" + VERSION + ".jar");
            if (Files.isRegularFile(source)) {
                copyComplete(source, snapshotRoot.resolve(service).resolve("target").resolve(source.getFileName()));
            }
        }
        return snapshotRoot;
    }

    /** Copies and re-reads the jar, retrying while a build is still writing it. */
    private static void copyComplete(Path source, Path target) {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                try (ZipFile jar = new ZipFile(target.toFile())) {
                    if (jar.getEntry("META-INF/MANIFEST.MF") != null) {
                        return;
                    }
                }
            }
            catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(1000); // a build is rewriting the jar right now: give it a
                                    // moment
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new UncheckedIOException("could not copy a complete " + source,
                last != null ? last : new IOException("no manifest"));
    }

}
