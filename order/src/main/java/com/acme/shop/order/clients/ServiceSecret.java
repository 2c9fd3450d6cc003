package com.acme.shop.order.clients;

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
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret order shares with auth for service tokens: {@code ORDER_SERVICE_SECRET}, or
 * in a local run the file {@code JWT_KEY_DIR/service-secret-order} that auth or order
 * generates first (same file lock as auth's {@code SecretFiles}); the {@code prod}
 * profile refuses to start without the variable.
 */
public final class ServiceSecret {

    static final String FILE = "service-secret-order";

    static final String VARIABLE = "ORDER_SERVICE_SECRET";

    private ServiceSecret() {
    }

    public static String load(String configured, Path keyDir, boolean production) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < 32) {
                throw new IllegalStateException(VARIABLE + " must have at least 32 characters");
            }
            return configured.strip();
        }
        if (production) {
            throw new IllegalStateException(VARIABLE + " must be set in the prod profile (the same value in auth "
                    + "and order), e.g. `openssl rand -base64 32`");
        }
        return readOrCreate(keyDir).strip();
    }

    private static String readOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Path file = dir.resolve(FILE);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.exists(file)) {
                    Path tmp = Files.createTempFile(dir, FILE, ".tmp");
                    restrict(tmp, "rw-------");
                    byte[] bytes = new byte[32];
                    new SecureRandom().nextBytes(bytes);
                    Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n",
                            StandardCharsets.US_ASCII);
                    try {
                        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                    }
                    catch (AtomicMoveNotSupportedException ex) {
                        Files.move(tmp, file);
                    }
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read or create " + FILE + " in " + dir.toAbsolutePath(), ex);
        }
    }

    private static void restrict(Path path, String permissions) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
            }
            catch (IOException | UnsupportedOperationException ex) {
                // best effort, as auth does
            }
        }
    }

}
