package com.acme.shop.product.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.shop.common.problem.FieldMessage;
import com.acme.shop.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ProductSearchTest {

    @Test
    void defaultsToFirstPageOfTwentyByNameAscending() {
        ProductSearch search = ProductSearch.parse(null, null, null, null);

        assertThat(search).isEqualTo(new ProductSearch("", 0, 20, "name", true));
        assertThat(search.orderBy()).isEqualTo("lower(name) ASC, id ASC");
        assertThat(search.hasQuery()).isFalse();
    }

    @Test
    void sortsByWhitelistedColumnsOnly() {
        assertThat(ProductSearch.parse("", "2", "10", "price,desc").orderBy()).isEqualTo("price_amount DESC, id DESC");
        assertThat(ProductSearch.parse("", "", "", " createdAt , ASC ").orderBy()).isEqualTo("created_at ASC, id ASC");
        assertThat(ProductSearch.parse("", "2", "10", "price").offset()).isEqualTo(20);
        for (String sort : new String[] { "stock", "name;DROP TABLE x", "price,sideways", "name,asc,extra",
                "lower(name)" }) {
            assertThatThrownBy(() -> ProductSearch.parse(null, null, null, sort)).isInstanceOf(ProblemException.class)
                .satisfies(ex -> assertThat(((ProblemException) ex).errors()).extracting(FieldMessage::field)
                    .containsExactly("sort"));
        }
    }

    @Test
    void reportsEveryBadParameter() {
        assertThatThrownBy(() -> ProductSearch.parse("x".repeat(201), "-1", "1000", "nope"))
            .isInstanceOf(ProblemException.class)
            .satisfies(ex -> assertThat(((ProblemException) ex).errors()).extracting(FieldMessage::field)
                .containsExactly("q", "page", "size", "sort"));
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(ProductSearch.parse(" 50%_off\\ ", null, null, null).likePattern()).isEqualTo("%50\\%\\_off\\\\%");
    }

}
