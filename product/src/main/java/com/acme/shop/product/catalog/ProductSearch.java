package com.acme.shop.product.catalog;

import com.acme.shop.common.problem.FieldMessage;
import com.acme.shop.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated catalog query: {@code q} (case-insensitive substring of name, SKU or
 * description; no control characters), {@code page} (0-based), {@code size} (1–100) and
 * {@code sort} ({@code field[,asc|desc]} with field one of name, price, createdAt).
 */
record ProductSearch(String q, int page, int size, String sortField, boolean ascending) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_QUERY = 200;
    static final String SORT_MESSAGE = "must be one of name, price, createdAt, optionally followed by ,asc or ,desc";

    /**
     * API sort field → SQL ordering expression. Only these strings ever reach the SQL
     * text.
     */
    private static final Map<String, String> SORT_COLUMNS = Map.of("name", "lower(name)", "price", "price_amount",
            "createdAt", "created_at");

    static ProductSearch parse(String q, String page, String size, String sort) {
        List<FieldMessage> problems = new ArrayList<>();
        String query = q == null ? "" : q.strip();
        if (query.length() > MAX_QUERY) {
            problems.add(new FieldMessage("q", "must be at most " + MAX_QUERY + " characters"));
        }
        else if (query.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new FieldMessage("q", "must not contain control characters"));
        }
        int pageNumber = integer("page", page, 0, 0, 1_000_000, problems);
        int pageSize = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        String field = "name";
        boolean ascending = true;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.strip().split(",", -1);
            field = parts[0].strip();
            String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
            if (parts.length > 2 || !SORT_COLUMNS.containsKey(field)
                    || !(direction.equals("asc") || direction.equals("desc"))) {
                problems.add(new FieldMessage("sort", SORT_MESSAGE));
            }
            ascending = direction.equals("asc");
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new ProductSearch(query, pageNumber, pageSize, field, ascending);
    }

    private static int integer(String field, String raw, int fallback, int min, int max, List<FieldMessage> problems) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        problems.add(new FieldMessage(field, "must be an integer between " + min + " and " + max));
        return fallback;
    }

    /**
     * The ORDER BY clause, built only from whitelisted expressions, with the id as
     * tie-breaker.
     */
    String orderBy() {
        String direction = ascending ? "ASC" : "DESC";
        return SORT_COLUMNS.get(sortField) + " " + direction + ", id " + direction;
    }

    /** The LIKE pattern for {@code q} with {@code \}, {@code %} and {@code _} escaped. */
    String likePattern() {
        return "%" + escapeLike(q) + "%";
    }

    boolean hasQuery() {
        return !q.isEmpty();
    }

    long offset() {
        return (long) page * size;
    }

    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
