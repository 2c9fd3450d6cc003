package com.acme.shop.web.home;

import java.util.List;

import com.acme.shop.web.members.Member;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The bff's {@code /api/home} answer (docs/contracts.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Home(User user, SessionInfo session, Admin admin, boolean degraded, List<String> unavailable) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String id, String email, String name, String phone, List<String> roles) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionInfo(String subject, List<String> roles, String issuedAt, String expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Admin(long memberCount, List<Member> newestMembers) {
    }

    public Home {
        unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
    }

    static Home unavailableEverything() {
        return new Home(null, null, null, true, List.of("user", "session", "admin"));
    }

    public boolean isUnavailable(String section) {
        return unavailable.contains(section);
    }
}
