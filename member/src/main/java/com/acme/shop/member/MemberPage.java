package com.acme.shop.member;

import java.util.List;

/**
 * One page of members: {@code {content: [...], page: {size, number, totalElements,
 * totalPages}}}.
 */
record MemberPage(List<Member> content, PageMetadata page) {

    record PageMetadata(int size, int number, long totalElements, long totalPages) {
    }

    static MemberPage of(List<Member> content, MemberSearch search, long totalElements) {
        long totalPages = (totalElements + search.size() - 1) / search.size();
        return new MemberPage(content, new PageMetadata(search.size(), search.page(), totalElements, totalPages));
    }
}
