package com.acme.shop.member;

/** No member with the requested id; rendered as 404. */
class MemberNotFoundException extends RuntimeException {

    MemberNotFoundException() {
        super("Member not found", null, false, false);
    }
}
