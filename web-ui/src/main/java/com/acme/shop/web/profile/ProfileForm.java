package com.acme.shop.web.profile;

/** The profile form: name and phone, with the idempotency key it was rendered with. */
public record ProfileForm(String name, String phone, String idempotencyKey) {
}
