package com.acme.shop.web.page;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Idempotency keys rendered with every create/update form and sent as
 * {@code Idempotency-Key}.
 */
public final class IdempotencyKeys {

    public static final String HEADER = com.acme.shop.common.idempotency.IdempotencyKeys.HEADER;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    private IdempotencyKeys() {
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The submitted key when it has a valid form (rules A3), else a new one. */
    public static String orNew(String submitted) {
        return submitted != null && VALID.matcher(submitted).matches() ? submitted : newKey();
    }

}
