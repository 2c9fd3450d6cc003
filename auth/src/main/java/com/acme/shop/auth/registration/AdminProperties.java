package com.acme.shop.auth.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bootstrap administrator ({@code ADMIN_EMAIL}, {@code ADMIN_PASSWORD}); none when the password is blank. */
@ConfigurationProperties("shop.auth.admin")
record AdminProperties(String email, String password, String name) {

    AdminProperties {
        email = email == null || email.isBlank() ? "admin@shop.local" : email;
        name = name == null || name.isBlank() ? "Administrator" : name;
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + "]";
    }
}
