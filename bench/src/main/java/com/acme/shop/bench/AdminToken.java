package com.acme.shop.bench;

import java.time.Duration;

/**
 * The bootstrap admin's access token, logged in again once it is older than
 * {@link #MAX_AGE} (access tokens live 5 minutes; no wrk run lasts a minute).
 */
final class AdminToken {

    static final Duration MAX_AGE = Duration.ofSeconds(90);

    private final Api api;

    private final String email;

    private final String password;

    private String token;

    private long obtainedAt;

    AdminToken(Api api, String email, String password) {
        this.api = api;
        this.email = email;
        this.password = password;
    }

    synchronized String get() {
        if (token == null || System.nanoTime() - obtainedAt > MAX_AGE.toNanos()) {
            token = api.login(email, password);
            obtainedAt = System.nanoTime();
        }
        return token;
    }

    String header() {
        return "Authorization: Bearer " + get();
    }

}
