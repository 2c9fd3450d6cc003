package com.acme.shop.web.account;

import java.util.Set;

import com.acme.shop.web.page.FormErrors;

/** The registration form. */
public record RegisterForm(String email, String name, String password) {

    static final Set<String> FIELDS = Set.of("email", "name", "password");

    static RegisterForm empty() {
        return new RegisterForm("", "", "");
    }

    FormErrors validate() {
        return FormErrors.none()
            .required("email", email, "Enter your email address")
            .required("name", name, "Enter your name")
            .required("password", password, "Choose a password");
    }

    /** The form as rendered again: the password is never echoed back. */
    RegisterForm withoutPassword() {
        return new RegisterForm(email, name, "");
    }
}
