package com.acme.shop.member;

import com.acme.shop.common.validation.EmailAddress;
import com.acme.shop.common.validation.PersonName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.groups.Default;

/**
 * Request body of create and update calls: {@code {email, name, phone?}}. Validated with
 * {@code @Valid} (a profile update, where email may be left out to keep the current one)
 * or with {@code @Validated(Complete.class)} (create and full update: email required).
 * Every invalid field is reported, not only the first.
 */
@Schema(name = "MemberForm", requiredProperties = "name",
        description = "A member's fields. `email` is required to create a member and on `PUT /api/members/{id}`; "
                + "on `PUT /api/members/me` it may be left out (keeps the current one).")
record MemberForm(
        @Schema(format = "email", requiredMode = Schema.RequiredMode.NOT_REQUIRED, pattern = "\\S",
                description = "At most 254 characters.", example = "ann.lee@example.com") @NotNull(
                        groups = Complete.class, message = "must not be blank") @Pattern(regexp = "(?s).*\\S.*",
                                message = "must not be blank") @EmailAddress String email,
        @Schema(description = "At most 100 characters, no control characters.",
                example = "Ann Lee") @NotBlank @PersonName String name,
        @Schema(types = {
                "string", "null" }, pattern = "^[+0-9 ()-]{3,32}$",
                description = "3 to 32 of digits, spaces, `+ ( ) -`; blank or absent: no phone.",
                example = "+44 20 7946 0958") @PhoneNumber String phone){

    /**
     * Validation group of a create or full update: every {@link Default} rule, and email
     * required.
     */
    interface Complete extends Default {

    }

    /**
     * The validated input, stripped; {@code email} {@code null} keeps the current one,
     * blank {@code phone} is absent.
     */
    MemberData toData() {
        return new MemberData(email == null ? null : email.strip(), name.strip(), stripToNull(phone));
    }

    static String stripToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
