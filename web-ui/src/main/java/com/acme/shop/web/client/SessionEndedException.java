package com.acme.shop.web.client;

/**
 * The session has no usable tokens any more (missing, refresh refused): the user must log
 * in again.
 */
public final class SessionEndedException extends RuntimeException {

    public SessionEndedException() {
        super("Session ended", null, false, false);
    }

}
