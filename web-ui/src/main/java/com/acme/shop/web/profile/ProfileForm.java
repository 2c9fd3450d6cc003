package com.acme.shop.web.profile;

import com.acme.shop.web.members.Member;
import com.acme.shop.web.page.IdempotencyKeys;

/** The profile form: name and phone, with the idempotency key it was rendered with. */
public record ProfileForm(String name, String phone, String idempotencyKey) {

    /** The form for editing {@code member}, with a new idempotency key. */
    static ProfileForm of(Member member) {
        return new ProfileForm(member.name(), member.phone() == null ? "" : member.phone(), IdempotencyKeys.newKey());
    }
}
