package com.acme.shop.auth.login;

/** Body of {@code POST /api/auth/login}. */
record Credentials(String email, String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + "]";
    }
}
