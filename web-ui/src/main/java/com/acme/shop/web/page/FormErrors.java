package com.acme.shop.web.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.shop.web.client.ApiProblem;

/**
 * Errors of a submitted form: messages per field (shown next to the field) and one for
 * the form.
 */
public final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();

    private String global;

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * Maps a problem's field errors onto the form's fields; the rest becomes the form
     * message.
     */
    public static FormErrors from(ApiProblem problem, Set<String> formFields, String fallback) {
        FormErrors errors = new FormErrors();
        for (ApiProblem.FieldError error : problem.errors()) {
            if (formFields.contains(error.field())) {
                errors.fields.putIfAbsent(error.field(), error.message());
            }
            else {
                errors.global = errors.global == null ? error.field() + ": " + error.message() : errors.global;
            }
        }
        if (errors.fields.isEmpty() && errors.global == null) {
            errors.global = problem.message(fallback);
        }
        return errors;
    }

    public FormErrors reject(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    public FormErrors global(String message) {
        this.global = message;
        return this;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.get(field);
    }

    public String getGlobal() {
        return global;
    }

    public boolean hasGlobal() {
        return global != null;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && global == null;
    }

    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /** Whether the field is required and blank. */
    public FormErrors required(String field, String value, String message) {
        if (value == null || value.isBlank()) {
            reject(field, message);
        }
        return this;
    }

}
