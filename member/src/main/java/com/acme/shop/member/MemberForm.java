package com.acme.shop.member;

import com.acme.shop.common.validation.EmailAddress;
import com.acme.shop.common.validation.PersonName;
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
record MemberForm(
        @NotNull(groups = Complete.class, message = "must not be blank") @Pattern(regexp = "(?s).*\\S.*",
                message = "must not be blank") @EmailAddress String email,
        @NotBlank @PersonName String name, @PhoneNumber String phone) {

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
