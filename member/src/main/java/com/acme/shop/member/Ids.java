package com.acme.shop.member;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of member ids (canonical 8-4-4-4-12 UUID text). */
final class Ids {

    private static final Pattern UUID_TEXT = Pattern
            .compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Ids() {
    }

    /** The UUID, or {@code null} when the text is not a canonical UUID. */
    static UUID parse(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text);
    }

    /** The UUID, or an {@link InvalidMemberException} naming the {@code id} field. */
    static UUID require(String text) {
        UUID id = parse(text);
        if (id == null) {
            throw new InvalidMemberException(java.util.List.of(new FieldProblem("id", "must be a UUID")));
        }
        return id;
    }
}
