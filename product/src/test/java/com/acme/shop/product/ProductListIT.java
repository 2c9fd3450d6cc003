package com.acme.shop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Paging, sorting and search of the public catalog. */
class ProductListIT extends ProductServerTestSupport {

    @Test
    void pagesSortsAndSearches() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        createProduct("Banana " + marker, 300, 1);
        createProduct("apple " + marker, 500, 1);
        createProduct("Cherry " + marker, 100, 1);
        Map<String, Object> bySku = productBody("Unrelated Name", 200, 1);
        bySku.put("description", "mentions " + marker + " in the text");
        createProduct(bySku);
        UUID deleted = createProduct("Deleted " + marker, 50, 1);
        http.delete()
            .uri("/api/products/{id}", deleted)
            .headers(h -> h.setBearerAuth(adminToken()))
            .exchange()
            .expectStatus()
            .isNoContent();

        assertThat(names(marker, "name,asc", 0, 20)).containsExactly("apple " + marker, "Banana " + marker,
                "Cherry " + marker, "Unrelated Name");
        assertThat(names(marker, "price,desc", 0, 20)).containsExactly("apple " + marker, "Banana " + marker,
                "Unrelated Name", "Cherry " + marker);
        assertThat(names(marker, "price", 0, 20)).containsExactly("Cherry " + marker, "Unrelated Name",
                "Banana " + marker, "apple " + marker);
        assertThat(names(marker, "createdAt,desc", 0, 20)).containsExactly("Unrelated Name", "Cherry " + marker,
                "apple " + marker, "Banana " + marker);
        assertThat(names(marker.toUpperCase(), "name,desc", 0, 20)).containsExactly("Unrelated Name",
                "Cherry " + marker, "Banana " + marker, "apple " + marker);

        Map<String, Object> second = page(marker, "name,asc", 1, 3);
        assertThat((List<Map<String, Object>>) second.get("content")).extracting(p -> p.get("name"))
            .containsExactly("Unrelated Name");
        assertThat(second.get("page")).isEqualTo(Map.of("size", 3, "number", 1, "totalElements", 4, "totalPages", 2));

        String sku = (String) bySku.get("sku");
        assertThat(names(sku.toLowerCase(), null, 0, 20)).containsExactly("Unrelated Name");
        assertThat(names("%", null, 0, 100)).allMatch(name -> name.contains("%"));
    }

    @Test
    void rejectsBadParameters() {
        for (String query : List.of("sort=stock,asc", "sort=name,up", "sort=price,asc,x", "size=0", "size=101",
                "page=-1", "page=x")) {
            http.get()
                .uri("/api/products?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(query.substring(0, query.indexOf('=')));
        }
        http.get()
            .uri(uri -> uri.path("/api/products").queryParam("q", "{q}").build("a\u0001b"))
            .exchange()
            .expectStatus()
            .isBadRequest();
    }

    private List<String> names(String q, String sort, int page, int size) {
        return ((List<Map<String, Object>>) page(q, sort, page, size).get("content")).stream()
            .map(p -> (String) p.get("name"))
            .toList();
    }

    private Map<String, Object> page(String q, String sort, int page, int size) {
        return http.get()
            .uri(uri -> uri.path("/api/products")
                .queryParam("q", "{q}")
                .queryParam("page", page)
                .queryParam("size", size)
                .queryParamIfPresent("sort", java.util.Optional.ofNullable(sort))
                .build(q))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(JSON)
            .returnResult()
            .getResponseBody();
    }

}
