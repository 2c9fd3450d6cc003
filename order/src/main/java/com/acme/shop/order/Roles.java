package com.acme.shop.order;

/** Role names of access tokens. */
public final class Roles {

    public static final String USER = "USER";

    public static final String ADMIN = "ADMIN";

    private Roles() {
    }

}
