package com.acme.shop.member;

import com.acme.shop.common.validation.EmailAddress;
import com.acme.shop.common.validation.PersonName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * Request body of {@code POST /internal/members}: {@code {id, email, name, phone?}}, the
 * id chosen by auth.
 */
record InternalMemberForm(@NotBlank @Pattern(regexp = "\\s*|" + Ids.UUID_REGEX, message = Ids.NOT_A_UUID) String id,
        @NotBlank @EmailAddress String email, @NotBlank @PersonName String name, @PhoneNumber String phone) {

    UUID memberId() {
        return UUID.fromString(id);
    }

    MemberData toData() {
        return new MemberForm(email, name, phone).toData();
    }
}
