package com.acme.shop.product;

import com.acme.shop.common.problem.ProblemException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of ids (canonical 8-4-4-4-12 UUID text). */
public final class Ids {

    public static final String UUID_REGEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    public static final String NOT_A_UUID = "must be a UUID";

    private static final Pattern UUID_TEXT = Pattern.compile(UUID_REGEX);

    private Ids() {
    }

    /** The UUID, or {@code null} when the text is not a canonical UUID. */
    public static UUID parse(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text);
    }

    /** The UUID, or a 400 naming {@code field}. */
    public static UUID require(String field, String text) {
        UUID id = parse(text);
        if (id == null) {
            throw ProblemException.invalid(field, NOT_A_UUID);
        }
        return id;
    }

}
