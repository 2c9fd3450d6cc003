package com.acme.shop.web.profile;

import java.util.Set;

import org.springframework.util.MultiValueMap;

import com.acme.shop.web.page.FormErrors;

/**
 * The password change form (fields {@code current_password}, {@code new_password}); never
 * rendered back.
 */
record PasswordForm(String currentPassword, String newPassword) {

    static final String CURRENT = "current_password";
    static final String NEW = "new_password";
    static final Set<String> FIELDS = Set.of(CURRENT, NEW);

    static PasswordForm from(MultiValueMap<String, String> data) {
        String current = data.getFirst(CURRENT);
        String next = data.getFirst(NEW);
        return new PasswordForm(current == null ? "" : current, next == null ? "" : next);
    }

    FormErrors validate() {
        return FormErrors.none()
            .required(CURRENT, currentPassword, "Enter your current password")
            .required(NEW, newPassword, "Choose a new password");
    }

    @Override
    public String toString() {
        return "PasswordForm[***]";
    }
}
