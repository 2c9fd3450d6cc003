package com.acme.shop.web.members;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.acme.shop.web.page.FormErrors;
import com.acme.shop.web.page.IdempotencyKeys;

/**
 * The create/edit form of a member, with the idempotency key and the ETag it was rendered
 * with.
 */
public record MemberForm(String email, String name, String phone, String idempotencyKey, String etag) {

    static final Set<String> FIELDS = Set.of("email", "name", "phone");

    static MemberForm empty() {
        return new MemberForm("", "", "", IdempotencyKeys.newKey(), null);
    }

    static MemberForm of(Member member, String etag) {
        return new MemberForm(member.email(), member.name(), member.phone() == null ? "" : member.phone(),
                IdempotencyKeys.newKey(), etag);
    }

    MemberForm withKey() {
        return new MemberForm(email, name, phone, IdempotencyKeys.orNew(idempotencyKey), etag);
    }

    FormErrors validate() {
        return FormErrors.none()
            .required("email", email, "Enter an email address")
            .required("name", name, "Enter a name");
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email == null ? "" : email.strip());
        body.put("name", name == null ? "" : name.strip());
        body.put("phone", phone == null || phone.isBlank() ? null : phone.strip());
        return body;
    }
}
