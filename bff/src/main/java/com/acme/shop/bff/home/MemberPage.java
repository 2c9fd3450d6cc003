package com.acme.shop.bff.home;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of {@code GET /api/members}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MemberPage(List<Member> content, PageInfo page) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PageInfo(long size, long number, long totalElements, long totalPages) {
    }
}
