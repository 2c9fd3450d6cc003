package com.acme.shop.member;

import java.time.Instant;
import java.util.UUID;

/**
 * A member profile as stored and as returned by the API
 * ({@code id, email, name, phone, createdAt,
 * updatedAt, version}).
 */
record Member(UUID id, String email, String name, String phone, Instant createdAt, Instant updatedAt, long version) {

    /** The strong entity tag for this version, e.g. {@code "3"}. */
    String etag() {
        return ETags.format(version);
    }
}
