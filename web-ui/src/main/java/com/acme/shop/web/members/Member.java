package com.acme.shop.web.members;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A member as the gateway returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Member(String id, String email, String name, String phone, String createdAt, String updatedAt,
        Long version) {
}
