package com.acme.shop.auth.registration;

import com.acme.shop.auth.account.Password;
import com.acme.shop.common.validation.EmailAddress;
import com.acme.shop.common.validation.PersonName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code POST /api/auth/register}; the email and name rules are the ones member
 * applies too.
 */
@Schema(name = "RegistrationRequest", requiredProperties = { "email", "password", "name" })
record RegistrationRequest(
        @Schema(format = "email", description = "At most 254 characters; stored in lower case.",
                example = "ann.lee@example.com") @NotBlank @EmailAddress String email,
        @Schema(description = "At most 100 characters, no control characters.",
                example = "Ann Lee") @NotBlank @PersonName String name,
        @Schema(format = "password", description = "15 to 128 characters of any kind; common passwords are refused.",
                example = "violet kettle drums at noon") @Password String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=" + email + "]";
    }
}
