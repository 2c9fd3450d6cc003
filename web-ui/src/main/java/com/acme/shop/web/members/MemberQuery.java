package com.acme.shop.web.members;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Search, page and sort of the members list, sanitized, and the links built from them.
 */
public record MemberQuery(String q, int page, String sortField, String sortDirection) {

    static final int PAGE_SIZE = 20;
    static final List<String> SORTABLE = List.of("name", "email", "phone", "createdAt");

    static MemberQuery of(String q, String page, String sort) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        int number;
        try {
            number = page == null || page.isBlank() ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(page.strip())));
        }
        catch (NumberFormatException ex) {
            number = 0;
        }
        String field = "name";
        String direction = "asc";
        if (sort != null) {
            String[] parts = sort.split(",", 2);
            if (SORTABLE.contains(parts[0])) {
                field = parts[0];
            }
            if (parts.length == 2 && parts[1].toLowerCase(Locale.ROOT).equals("desc")) {
                direction = "desc";
            }
        }
        return new MemberQuery(query, number, field, direction);
    }

    public String sort() {
        return sortField + "," + sortDirection;
    }

    public String apiUri() {
        return UriComponentsBuilder.fromPath("/api/members")
            .queryParam("q", "{q}")
            .queryParam("page", page)
            .queryParam("size", PAGE_SIZE)
            .queryParam("sort", sort())
            .encode()
            .buildAndExpand(q)
            .toUriString();
    }

    public String pageLink(int number) {
        return link(q, number, sort());
    }

    /**
     * Clicking a column header sorts by it ascending, or flips the direction if already
     * sorted by it.
     */
    public String sortLink(String field) {
        String direction = field.equals(sortField) && sortDirection.equals("asc") ? "desc" : "asc";
        return link(q, 0, field + "," + direction);
    }

    /** The {@code aria-sort} value of a column. */
    public String ariaSort(String field) {
        return field.equals(sortField) ? (sortDirection.equals("asc") ? "ascending" : "descending") : "none";
    }

    private static String link(String q, int page, String sort) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/members");
        if (!q.isEmpty()) {
            builder.queryParam("q", "{q}");
        }
        builder.queryParam("page", page).queryParam("sort", sort);
        return q.isEmpty() ? builder.build().toUriString() : builder.encode().buildAndExpand(q).toUriString();
    }
}
