package com.acme.shop.auth.registration;

import java.util.UUID;

/** 201 body of {@code POST /api/auth/register}. */
record RegisteredAccount(UUID id, String email, String name) {
}
