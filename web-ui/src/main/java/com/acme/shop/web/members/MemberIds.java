package com.acme.shop.web.members;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Member ids are UUIDs; anything else is a 404 and never reaches the gateway's URL. */
final class MemberIds {

    private MemberIds() {
    }

    static String checked(String id) {
        try {
            return UUID.fromString(id).toString();
        }
        catch (IllegalArgumentException ex) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

}
