package com.acme.shop.payment;

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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC key of card fingerprints: {@code PAYMENT_FINGERPRINT_KEY} (base64 of at least
 * 32 bytes). Without it a local run generates one once into the key directory
 * ({@code PAYMENT_KEY_DIR}, default {@code JWT_KEY_DIR}, file {@value #FILE}; a file lock
 * makes instances starting together agree), so fingerprints, and the check that a
 * repeated charge uses the same card, survive restarts; with a blank directory the key
 * lives in memory for one run. The {@code prod} profile refuses to start without the
 * variable. Like auth's password pepper, never log it.
 */
final class FingerprintKey {

    static final String FILE = "payment-fingerprint-key";

    static final String VARIABLE = "PAYMENT_FINGERPRINT_KEY";

    static final int MIN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(FingerprintKey.class);

    private FingerprintKey() {
    }

    static byte[] load(String configured, String keyDir, boolean production) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, VARIABLE);
        }
        if (production) {
            throw new IllegalStateException(VARIABLE + " must be set in the prod profile: base64 of at least "
                    + MIN_BYTES + " random bytes (e.g. `openssl rand -base64 32`), shared by every payment instance "
                    + "and kept like a signing key: changing it changes every card fingerprint.");
        }
        if (keyDir == null || keyDir.isBlank()) {
            log.warn("{} is not set and no key directory is configured: card fingerprints use a key that lasts "
                    + "for this run only", VARIABLE);
            return Base64.getDecoder().decode(generate().strip());
        }
        Path dir = Path.of(keyDir);
        return decode(readOrCreate(dir), dir.resolve(FILE).toString());
    }

    static String generate() {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes) + "\n";
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
                    Files.writeString(tmp, generate(), StandardCharsets.US_ASCII);
                    try {
                        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                    }
                    catch (AtomicMoveNotSupportedException ex) {
                        Files.move(tmp, file);
                    }
                    log.info("Generated {} in {}", FILE, dir.toAbsolutePath());
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read or create " + FILE + " in " + dir.toAbsolutePath(), ex);
        }
    }

    private static byte[] decode(String value, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(source + " is not valid base64");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(
                    source + " must decode to at least " + MIN_BYTES + " bytes, it has " + bytes.length);
        }
        return bytes;
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
