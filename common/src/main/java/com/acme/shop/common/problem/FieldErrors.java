package com.acme.shop.common.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns Bean Validation results into the one field-error shape {@code [{field,
 * message}]}: fields are named as the client sent them (the {@link JsonProperty} name,
 * e.g. {@code current_password}, not {@code currentPassword}) and listed in the order the
 * request type declares them, so the answer is the same on every run.
 */
final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * The field errors of a bound request body, then its global errors (named after the
     * object).
     */
    static List<FieldMessage> of(BindingResult result) {
        Class<?> type = result.getTarget() == null ? null : result.getTarget().getClass();
        List<FieldError> fields = new ArrayList<>(result.getFieldErrors());
        fields.sort(Comparator.comparingInt(error -> declarationIndex(type, error.getField())));
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError error : fields) {
            errors.add(message(jsonName(type, error.getField()), error.getDefaultMessage()));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(message(error.getObjectName(), error.getDefaultMessage()));
        }
        return errors;
    }

    /**
     * Method-level violations ({@code create.arg0.email}): the last node of each property
     * path.
     */
    static List<FieldMessage> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> {
            String path = v.getPropertyPath() == null ? "" : v.getPropertyPath().toString();
            return message(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }).toList();
    }

    static FieldMessage message(String field, String message) {
        return new FieldMessage(field, message == null ? "is invalid" : message);
    }

    /**
     * {@code currentPassword} → {@code current_password} when the field says so; nested
     * paths map their first step.
     */
    static String jsonName(Class<?> type, String path) {
        int end = firstStepEnd(path);
        Field field = field(type, path.substring(0, end));
        JsonProperty property = field == null ? null : field.getAnnotation(JsonProperty.class);
        if (property == null || property.value().isEmpty()) {
            return path;
        }
        return property.value() + path.substring(end);
    }

    private static int declarationIndex(Class<?> type, String path) {
        Field field = field(type, path.substring(0, firstStepEnd(path)));
        if (field == null) {
            return Integer.MAX_VALUE;
        }
        Field[] declared = field.getDeclaringClass().getDeclaredFields();
        for (int i = 0; i < declared.length; i++) {
            if (declared[i].equals(field)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static int firstStepEnd(String path) {
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                return i;
            }
        }
        return path.length();
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
            try {
                return t.getDeclaredField(name);
            }
            catch (NoSuchFieldException ex) {
                // try the superclass
            }
        }
        return null;
    }

}
