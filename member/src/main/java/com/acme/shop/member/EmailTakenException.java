package com.acme.shop.member;

/** The email belongs to another member (compared case-insensitively); rendered as 409. */
class EmailTakenException extends RuntimeException {

    EmailTakenException() {
        super("A member with this email already exists", null, false, false);
    }
}
