package com.acme.shop.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/**
 * Parses and scopes idempotency keys (rules A2, A3, A6). Both {@code Idempotency-Key} and
 * {@code X-Idempotency-Key} are read; a repeated field, a list value, or the two names
 * with different values are invalid. The value is an sf-string ({@code "abc"}) or a bare
 * token; after unquoting it must be 1–255 characters of {@code [A-Za-z0-9_.:-]}.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    public static final String ALIAS_HEADER = "X-Idempotency-Key";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,255}");

    private IdempotencyKeys() {
    }

    /** The outcome of reading the key headers. */
    public sealed interface ParsedKey permits Absent, Invalid, Valid {

    }

    /** Neither header was sent. */
    public record Absent() implements ParsedKey {
    }

    /** A header was sent but is unusable (400). */
    public record Invalid(String reason) implements ParsedKey {
    }

    /** A usable key (already unquoted). */
    public record Valid(String key) implements ParsedKey {
    }

    public static ParsedKey parse(HttpHeaders headers) {
        return parse(headers.get(HEADER), headers.get(ALIAS_HEADER));
    }

    /**
     * @param primary the {@code Idempotency-Key} field values (null or empty if
     * absent); @param alias likewise for {@code X-Idempotency-Key}
     */
    public static ParsedKey parse(List<String> primary, List<String> alias) {
        boolean hasPrimary = primary != null && !primary.isEmpty();
        boolean hasAlias = alias != null && !alias.isEmpty();
        if (!hasPrimary && !hasAlias) {
            return new Absent();
        }
        if ((hasPrimary && primary.size() > 1) || (hasAlias && alias.size() > 1)) {
            return new Invalid("The idempotency key header must be sent once.");
        }
        String fromPrimary = hasPrimary ? unquote(primary.get(0)) : null;
        String fromAlias = hasAlias ? unquote(alias.get(0)) : null;
        if ((hasPrimary && fromPrimary == null) || (hasAlias && fromAlias == null)) {
            return new Invalid("The idempotency key must be 1-255 characters of A-Z a-z 0-9 _ . : -");
        }
        if (fromPrimary != null && fromAlias != null && !fromPrimary.equals(fromAlias)) {
            return new Invalid("Idempotency-Key and X-Idempotency-Key differ.");
        }
        return new Valid(fromPrimary != null ? fromPrimary : fromAlias);
    }

    /**
     * The key inside an sf-string or bare token, or null when it is not a single valid
     * key.
     */
    static String unquote(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            value = value.substring(1, value.length() - 1);
        }
        return VALID.matcher(value).matches() ? value : null;
    }

    /**
     * The storage scope {@code hex(SHA-256(tenant, principal, key))} (A6), each part
     * length-prefixed so that no two different triples can collide.
     */
    public static String scope(String tenant, String principal, String key) {
        Sha256 sha = new Sha256();
        sha.field(tenant.getBytes(StandardCharsets.UTF_8));
        sha.field(principal.getBytes(StandardCharsets.UTF_8));
        sha.field(key.getBytes(StandardCharsets.UTF_8));
        return sha.hex();
    }

}
