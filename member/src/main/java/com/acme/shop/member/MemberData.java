package com.acme.shop.member;

/**
 * Validated, normalised member fields. {@code email} is {@code null} only for a profile
 * update that keeps the current email; {@code phone} is {@code null} when absent.
 */
record MemberData(String email, String name, String phone) {
}
