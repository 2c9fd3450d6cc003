package com.acme.shop.order;

import java.util.UUID;
import java.util.regex.Pattern;

import com.acme.shop.common.problem.ProblemException;

/** Strict parsing of ids (canonical 8-4-4-4-12 UUID text). */
public final class Ids {

    public static final String UUID_REGEX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    public static final String NOT_A_UUID = "must be a UUID";

    private static final Pattern UUID_TEXT = Pattern.compile(UUID_REGEX);

    private Ids() {
    }

    /** The UUID, or a 400 naming {@code field}. */
    public static UUID require(String field, String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw ProblemException.invalid(field, text == null ? "is required" : NOT_A_UUID);
        }
        return UUID.fromString(text);
    }

}
