package com.acme.shop.member;

/** Request body of {@code POST /internal/members}: {@code {id, email, name, phone?}}. */
record InternalMemberForm(String id, String email, String name, String phone) {
}
