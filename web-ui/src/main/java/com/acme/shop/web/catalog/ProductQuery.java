package com.acme.shop.web.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Search, page and sort of a product list, sanitized, and the links built from them: the
 * catalog ({@code /products}) and the admin list ({@code /admin/products}) share it.
 */
public record ProductQuery(String q, int page, String sort, int size, String basePath) {

    public static final int PAGE_SIZE = 12;

    /** The sorts offered, with their labels. */
    public static final Map<String, String> SORTS;

    static {
        Map<String, String> sorts = new LinkedHashMap<>();
        sorts.put("name,asc", "Name (A–Z)");
        sorts.put("name,desc", "Name (Z–A)");
        sorts.put("price,asc", "Price (low to high)");
        sorts.put("price,desc", "Price (high to low)");
        sorts.put("createdAt,desc", "Newest");
        SORTS = Map.copyOf(sorts);
    }

    public static ProductQuery of(String q, String page, String sort, String basePath) {
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
        String chosen = sort != null && SORTS.containsKey(sort) ? sort : "name,asc";
        return new ProductQuery(query, number, chosen, PAGE_SIZE, basePath);
    }

    /** The sort options in display order. */
    public Map<String, String> sorts() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : new String[] { "name,asc", "name,desc", "price,asc", "price,desc", "createdAt,desc" }) {
            ordered.put(key, SORTS.get(key));
        }
        return ordered;
    }

    public String apiUri() {
        return UriComponentsBuilder.fromPath("/api/products")
            .queryParam("q", "{q}")
            .queryParam("page", page)
            .queryParam("size", size)
            .queryParam("sort", sort)
            .encode()
            .buildAndExpand(q)
            .toUriString();
    }

    public String pageLink(int number) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(basePath);
        if (!q.isEmpty()) {
            builder.queryParam("q", "{q}");
        }
        builder.queryParam("page", number).queryParam("sort", sort);
        return q.isEmpty() ? builder.build().toUriString() : builder.encode().buildAndExpand(q).toUriString();
    }
}
