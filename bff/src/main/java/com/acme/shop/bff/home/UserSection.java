package com.acme.shop.bff.home;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "HomeUser")
record UserSection(UUID id, String email, String name, @Schema(nullable = true) String phone, List<String> roles) {

    static UserSection of(Member member, List<String> roles) {
        return new UserSection(member.id(), member.email(), member.name(), member.phone(), roles);
    }
}
