package com.acme.shop.auth.registration;

import com.acme.shop.auth.account.Password;
import com.acme.shop.common.validation.EmailAddress;
import com.acme.shop.common.validation.PersonName;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/auth/register}; the email and name rules are the ones member
 * applies too.
 */
record RegistrationRequest(@NotBlank @EmailAddress String email, @NotBlank @PersonName String name,
        @Password String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=" + email + "]";
    }
}
