package com.acme.shop.auth.keys;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret generated once into the key directory ({@code JWT_KEY_DIR}) and read on every
 * start: the local signing key and the local password pepper. A file lock makes two
 * instances starting at once on a shared directory agree on one value; the directory is
 * {@code rwx------} and the file {@code rw-------} where POSIX permissions exist.
 */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

    private SecretFiles() {
    }

    /**
     * The content of {@code dir/fileName} (ASCII), written from {@code generator} first
     * if the file is absent.
     */
    public static String readOrCreate(Path dir, String fileName, Supplier<String> generator) {
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Path file = dir.resolve(fileName);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.exists(file)) {
                    Path tmp = Files.createTempFile(dir, fileName, ".tmp");
                    restrict(tmp, "rw-------");
                    Files.writeString(tmp, generator.get(), StandardCharsets.US_ASCII);
                    move(tmp, file);
                    log.info("Generated {} in {}", fileName, dir.toAbsolutePath());
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read or create " + fileName + " in " + dir.toAbsolutePath(), ex);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to);
        }
    }

    private static void restrict(Path path, String permissions) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
            }
            catch (IOException | UnsupportedOperationException ex) {
                log.debug("Cannot restrict permissions of {}", path);
            }
        }
    }

}
