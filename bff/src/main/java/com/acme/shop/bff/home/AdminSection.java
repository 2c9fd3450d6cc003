package com.acme.shop.bff.home;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "HomeAdmin")
record AdminSection(@Schema(description = "Total number of members") long memberCount,
        @Schema(description = "Up to five most recently created members") List<Member> newestMembers) {
}
