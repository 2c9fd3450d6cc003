package com.acme.shop.member;

import com.acme.shop.common.problem.ProblemException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of member ids (canonical 8-4-4-4-12 UUID text). */
final class Ids {

    static final String UUID_REGEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String NOT_A_UUID = "must be a UUID";

    private static final Pattern UUID_TEXT = Pattern.compile(UUID_REGEX);

    private Ids() {
    }

    /** The UUID, or {@code null} when the text is not a canonical UUID. */
    static UUID parse(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text);
    }

    /** The UUID, or a 400 naming the {@code id} field. */
    static UUID require(String text) {
        UUID id = parse(text);
        if (id == null) {
            throw ProblemException.invalid("id", NOT_A_UUID);
        }
        return id;
    }

}
