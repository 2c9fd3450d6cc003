package com.acme.shop.member;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of members: {@code {content: [...], page: {size, number, totalElements,
 * totalPages}}}.
 */
@Schema(name = "MemberPage", description = "One page of members.", requiredProperties = { "content", "page" })
record MemberPage(List<Member> content, PageMetadata page) {

    @Schema(name = "PageMetadata", requiredProperties = { "size", "number", "totalElements", "totalPages" })
    record PageMetadata(@Schema(description = "Page size asked for.", example = "20") int size,
            @Schema(description = "0-based page number.", example = "0") int number,
            @Schema(description = "Members matching the query.", example = "1") long totalElements,
            @Schema(description = "Pages at this size.", example = "1") long totalPages) {
    }

    static MemberPage of(List<Member> content, MemberSearch search, long totalElements) {
        long totalPages = (totalElements + search.size() - 1) / search.size();
        return new MemberPage(content, new PageMetadata(search.size(), search.page(), totalElements, totalPages));
    }
}
