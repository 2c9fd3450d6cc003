package com.acme.shop.bff.home;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of auth's {@code GET /api/auth/verify}: {@code {sub, email, roles, exp}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TokenFacts(String sub, String email, List<String> roles, Object exp) {

    /**
     * {@code exp} as an instant; auth may send epoch seconds (number or numeric string)
     * or ISO-8601.
     */
    Instant expiresAt() {
        if (exp instanceof Number number) {
            return Instant.ofEpochSecond(number.longValue());
        }
        if (exp instanceof String text && !text.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(text.trim()));
            }
            catch (NumberFormatException notEpoch) {
                try {
                    return Instant.parse(text.trim());
                }
                catch (DateTimeParseException unknownFormat) {
                    return null;
                }
            }
        }
        return null;
    }
}
