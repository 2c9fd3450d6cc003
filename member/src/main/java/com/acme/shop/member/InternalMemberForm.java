package com.acme.shop.member;

import com.acme.shop.common.validation.EmailAddress;
import com.acme.shop.common.validation.PersonName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * Request body of {@code POST /internal/members}: {@code {id, email, name, phone?}}, the
 * id chosen by auth.
 */
@Schema(name = "RegisteredMemberForm", requiredProperties = { "id", "email", "name" },
        description = "The member of a new sign-in account: the account's id, its email and name.")
record InternalMemberForm(
        @Schema(format = "uuid", description = "The account id chosen by auth.") @NotBlank @Pattern(
                regexp = "\\s*|" + Ids.UUID_REGEX, message = Ids.NOT_A_UUID) String id,
        @Schema(format = "email") @NotBlank @EmailAddress String email,
        @Schema(description = "At most 100 characters.") @NotBlank @PersonName String name, @Schema(types = {
                "string", "null" }, pattern = "^[+0-9 ()-]{3,32}$") @PhoneNumber String phone){

    UUID memberId() {
        return UUID.fromString(id);
    }

    MemberData toData() {
        return new MemberForm(email, name, phone).toData();
    }
}
