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
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the signing key from configuration, or from (creating once) the key directory. */
public final class SigningKeysLoader {

    static final String KEY_FILE = "signing-key.pem";

    private static final Logger log = LoggerFactory.getLogger(SigningKeysLoader.class);

    private SigningKeysLoader() {
    }

    public static SigningKeys load(KeysProperties properties) {
        SigningKey current = hasText(properties.signingKey())
                ? fromPem(properties.signingKey(), properties.signingKeyId())
                : fromDirectory(properties.dir());
        List<ECKey> previous = parsePrevious(properties.previousPublicKeys());
        log.info("Signing key kid={} ({} previous public key(s))", current.kid(), previous.size());
        return new SigningKeys(current, previous);
    }

    static SigningKey fromPem(String pem, String kid) {
        ECPrivateKey privateKey = EcKeys.readPkcs8Pem(pem);
        ECPublicKey publicKey = EcKeys.derivePublic(privateKey);
        return new SigningKey(hasText(kid) ? kid.trim() : EcKeys.thumbprint(publicKey), privateKey, publicKey);
    }

    /**
     * Reads {@code dir/signing-key.pem}, generating it first if absent. A file lock makes two
     * instances starting at once on a shared directory agree on one key.
     */
    static SigningKey fromDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Path keyFile = dir.resolve(KEY_FILE);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.exists(keyFile)) {
                    KeyPair pair = EcKeys.generate();
                    Path tmp = Files.createTempFile(dir, "signing-key", ".tmp");
                    restrict(tmp, "rw-------");
                    Files.writeString(tmp, EcKeys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
                    move(tmp, keyFile);
                    log.info("Generated a new signing key in {}", dir.toAbsolutePath());
                }
            }
            return fromPem(Files.readString(keyFile, StandardCharsets.US_ASCII), null);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read or create the signing key in " + dir.toAbsolutePath(), ex);
        }
    }

    static List<ECKey> parsePrevious(String json) {
        if (!hasText(json)) {
            return List.of();
        }
        String text = json.trim();
        if (text.startsWith("[")) {
            text = "{\"keys\":" + text + "}";
        }
        try {
            List<ECKey> keys = new ArrayList<>();
            for (JWK jwk : JWKSet.parse(text).getKeys()) {
                if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve()) || ec.getKeyID() == null) {
                    throw new IllegalArgumentException("JWT_PREVIOUS_PUBLIC_KEYS may hold only EC P-256 keys with a kid");
                }
                keys.add(ec.toPublicJWK());
            }
            return keys;
        }
        catch (ParseException ex) {
            throw new IllegalArgumentException("JWT_PREVIOUS_PUBLIC_KEYS is not a JWKS JSON document", ex);
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

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
