package com.acme.shop.auth.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Bootstrap administrator ({@code ADMIN_EMAIL}, {@code ADMIN_PASSWORD}); none when the
 * password is blank. {@code takeOver} ({@code ADMIN_TAKE_OVER}, default false): when
 * {@code ADMIN_EMAIL} already belongs to an account without the ADMIN role, make it the
 * administrator (password replaced by {@code ADMIN_PASSWORD}, every session ended)
 * instead of refusing to start.
 */
@ConfigurationProperties("shop.auth.admin")
record AdminProperties(String email, String password, String name, boolean takeOver) {

    /**
     * The password the local run uses by default (launcher, docker-compose.yml): refused
     * in the prod profile.
     */
    static final String LOCAL_DEFAULT_PASSWORD = "admin-password-local";

    @ConstructorBinding
    AdminProperties {
        email = email == null || email.isBlank() ? "admin@shop.local" : email;
        name = name == null || name.isBlank() ? "Administrator" : name;
    }

    AdminProperties(String email, String password, String name) {
        this(email, password, name, false);
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + ", takeOver=" + takeOver + "]";
    }
}
