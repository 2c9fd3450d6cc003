package com.acme.shop.web.client;

/**
 * The gateway answered something a page cannot handle itself (403, 404, 5xx,
 * unreachable).
 */
public final class GatewayException extends RuntimeException {

    private final int status;

    public GatewayException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

}
