package com.acme.shop.member;

/** The member changed since the version named in {@code If-Match}; rendered as 412. */
class StaleVersionException extends RuntimeException {

    StaleVersionException() {
        super("The member was modified; fetch it again and retry with the current ETag", null, false, false);
    }
}
