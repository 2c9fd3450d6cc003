package com.acme.shop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A service's Spring Boot jar unpacked with Boot's own jar tools
 * ({@code java -Djarmode=tools -jar <jar> extract}): the application jar plus its
 * libraries as plain jars on the class path. A service started from it skips the nested
 * jar class loader, which on two cores with C1 only takes about 40 % of a start's CPU
 * (issue 10, P5; measured on bff: 6.3 s of CPU to a refreshed context from the jar, 3.9 s
 * from the extracted copy). The copy is kept per service in a cache directory with the
 * jar's path, size and modification time, and made again when the jar changes. A jar that
 * is not a Spring Boot jar, or that cannot be extracted, is run as it is.
 */
final class ExtractedJar {

    static final String STAMP_FILE = "source.txt";

    private static final long EXTRACT_TIMEOUT_SECONDS = 120;

    private ExtractedJar() {
    }

    /**
     * The jar to run for {@code jar}: its extracted copy in {@code dir} (made now unless
     * the copy there was made from this very jar), or {@code jar} itself.
     */
    static Path prepare(Path jar, Path dir) {
        if (!isSpringBootJar(jar)) {
            return jar;
        }
        Path extracted = dir.resolve(jar.getFileName());
        String stamp = stampOf(jar);
        try {
            if (isCurrent(jar, dir)) {
                return extracted;
            }
            Files.createDirectories(dir.getParent());
            Path staging = dir.resolveSibling(dir.getFileName() + ".extracting");
            deleteTree(staging);
            if (!extract(jar, staging) || !Files.isRegularFile(staging.resolve(jar.getFileName()))) {
                Console.warn("running " + jar.getFileName() + " as a packed jar: extracting it failed");
                deleteTree(staging);
                return jar;
            }
            deleteTree(dir);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve(STAMP_FILE), stamp, StandardCharsets.UTF_8);
            return extracted;
        }
        catch (IOException e) {
            Console.warn("running " + jar.getFileName() + " as a packed jar: " + e.getMessage());
            return jar;
        }
    }

    /** Whether {@code dir} holds a copy made from this very {@code jar}. */
    static boolean isCurrent(Path jar, Path dir) {
        Path stampFile = dir.resolve(STAMP_FILE);
        try {
            return Files.isRegularFile(dir.resolve(jar.getFileName())) && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stampOf(jar));
        }
        catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static boolean isSpringBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                    && file.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null
                    && file.getEntry("BOOT-INF/lib/") != null;
        }
        catch (IOException e) {
            return false;
        }
    }

    /**
     * What the copy was made from: the jar's absolute path, size and modification time.
     */
    static String stampOf(Path jar) {
        try {
            return jar.toAbsolutePath() + "\n" + Files.size(jar) + "\n" + Files.getLastModifiedTime(jar).toMillis()
                    + "\n";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean extract(Path jar, Path destination) throws IOException {
        List<String> command = List.of(ServiceProcess.javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                destination.toAbsolutePath().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        try {
            if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
