package com.acme.shop.member;

/** Request body of create and update calls: {@code {email, name, phone?}}. Raw, not yet validated. */
record MemberForm(String email, String name, String phone) {
}
