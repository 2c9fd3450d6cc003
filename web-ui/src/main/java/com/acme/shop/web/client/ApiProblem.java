package com.acme.shop.web.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem answered by an upstream, reduced to what pages show: a title/detail
 * and the field errors ({@code errors: [{field, message}]}).
 */
public record ApiProblem(int status, String title, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public ApiProblem {
        errors = List.copyOf(errors);
    }

    /**
     * Parses a problem body; anything unreadable gives a problem with only the status.
     */
    @SuppressWarnings("unchecked")
    public static ApiProblem parse(int status, byte[] body) {
        try {
            if (body == null || body.length == 0) {
                return new ApiProblem(status, null, null, List.of());
            }
            Map<String, Object> map = JsonMapper.shared().readValue(body, Map.class);
            List<FieldError> errors = new ArrayList<>();
            if (map.get("errors") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> error && error.get("field") != null) {
                        errors.add(new FieldError(String.valueOf(error.get("field")),
                                String.valueOf(Optional.ofNullable(error.get("message")).orElse("is invalid"))));
                    }
                }
            }
            return new ApiProblem(status, text(map.get("title")), text(map.get("detail")), errors);
        }
        catch (RuntimeException ex) {
            return new ApiProblem(status, null, null, List.of());
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** A message for the whole form: the detail, else the title, else the fallback. */
    public String message(String fallback) {
        return detail != null ? detail : title != null ? title : fallback;
    }
}
