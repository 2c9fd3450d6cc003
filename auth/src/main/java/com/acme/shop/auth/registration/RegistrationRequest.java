package com.acme.shop.auth.registration;

/** Body of {@code POST /api/auth/register}. */
record RegistrationRequest(String email, String password, String name) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=" + email + "]";
    }
}
