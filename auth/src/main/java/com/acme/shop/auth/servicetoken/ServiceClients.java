package com.acme.shop.auth.servicetoken;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.acme.shop.auth.keys.SecretFiles;

/**
 * The services that may ask auth for service tokens, their shared secrets and the
 * audiences each may get. Today one client: {@code order} (secret
 * {@code ORDER_SERVICE_SECRET}, audiences {@code shop-product} and {@code shop-payment}).
 * A client without a configured secret gets one generated once into the key directory
 * ({@code JWT_KEY_DIR/service-secret-<client>}), which a local run shares with that
 * client; the {@code prod} profile refuses to start instead.
 */
final class ServiceClients {

    static final int MIN_SECRET_LENGTH = 32;

    /** A client: its name, its secret and the audiences it may get tokens for. */
    record Client(String name, String secret, Set<String> audiences) {

        @Override
        public String toString() {
            return "Client[" + name + ", audiences=" + audiences + "]";
        }
    }

    private final Map<String, Client> clients;

    ServiceClients(List<Client> clients) {
        this.clients = clients.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Client::name, c -> c));
    }

    /** The file a generated secret of {@code client} is kept in. */
    static String fileName(String client) {
        return "service-secret-" + client;
    }

    /**
     * The secret of {@code client}: {@code configured} when set (at least 32 characters),
     * else generated once into {@code keyDir}; refused in production.
     */
    static String secret(String client, String configured, String variable, Path keyDir, boolean production) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException(variable + " must have at least " + MIN_SECRET_LENGTH + " characters");
            }
            return configured.strip();
        }
        if (production) {
            throw new IllegalStateException(variable + " must be set in the prod profile (the same value in auth and "
                    + client + "), e.g. `openssl rand -base64 32`");
        }
        return SecretFiles.readOrCreate(keyDir, fileName(client), ServiceClients::generate).strip();
    }

    static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n";
    }

    /**
     * The client named in an {@code Authorization: Basic} header whose secret matches
     * (compared in constant time); empty for anything else.
     */
    Optional<Client> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Client client = clients.get(decoded.substring(0, colon));
        byte[] presented = sha256(decoded.substring(colon + 1));
        byte[] expected = sha256(client == null ? "" : client.secret());
        boolean match = MessageDigest.isEqual(presented, expected);
        return client != null && match ? Optional.of(client) : Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
