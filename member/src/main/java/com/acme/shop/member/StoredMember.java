package com.acme.shop.member;

/**
 * A member row with what the API does not show: whether the member has a sign-in account
 * at auth (created by registration through {@code POST /internal/members}).
 */
record StoredMember(Member member, boolean hasAccount) {
}
