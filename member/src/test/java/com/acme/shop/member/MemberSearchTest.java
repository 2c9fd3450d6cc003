package com.acme.shop.member;

import com.acme.shop.common.problem.FieldMessage;
import com.acme.shop.common.problem.ProblemException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberSearchTest {

    @Test
    void defaultsToFirstPageOfTwentySortedByName() {
        MemberSearch search = MemberSearch.parse(null, null, null, null);

        assertThat(search).isEqualTo(new MemberSearch("", 0, 20, "name", true));
        assertThat(search.orderBy()).isEqualTo("lower(name) ASC, id ASC");
        assertThat(search.hasQuery()).isFalse();
    }

    @Test
    void mapsWhitelistedSortFieldsToColumns() {
        assertThat(MemberSearch.parse(null, "2", "10", "createdAt,desc").orderBy())
            .isEqualTo("created_at DESC, id DESC");
        assertThat(MemberSearch.parse(null, null, null, "email").orderBy()).isEqualTo("lower(email) ASC, id ASC");
        assertThat(MemberSearch.parse(null, null, null, "updatedAt,ASC").orderBy()).isEqualTo("updated_at ASC, id ASC");
    }

    @Test
    void rejectsUnknownSortFieldsAndDirections() {
        for (String sort : new String[] { "password,asc", "name,sideways", "name;DROP TABLE members", "name,asc,extra",
                "created_at" }) {
            assertThatThrownBy(() -> MemberSearch.parse(null, null, null, sort)).as(sort)
                .isInstanceOfSatisfying(ProblemException.class,
                        ex -> assertThat(ex.errors()).extracting(FieldMessage::field).containsExactly("sort"));
        }
    }

    @Test
    void rejectsPageAndSizeOutOfRange() {
        assertThatThrownBy(() -> MemberSearch.parse(null, "-1", "0", null)).isInstanceOfSatisfying(
                ProblemException.class,
                ex -> assertThat(ex.errors()).extracting(FieldMessage::field).containsExactly("page", "size"));
        assertThatThrownBy(() -> MemberSearch.parse(null, "x", "101", null)).isInstanceOf(ProblemException.class);
        assertThat(MemberSearch.parse(null, "0", "100", null).size()).isEqualTo(100);
        assertThat(MemberSearch.parse(null, "0", "1", null).size()).isEqualTo(1);
    }

    @Test
    void rejectsControlCharactersInQuery() {
        for (String q : new String[] { "\u0000", "a\u0000b", "x\u0001y", "\u007f", "a\u009fb" }) {
            assertThatThrownBy(() -> MemberSearch.parse(q, null, null, null)).as(q)
                .isInstanceOfSatisfying(ProblemException.class,
                        ex -> assertThat(ex.errors()).extracting(FieldMessage::field).containsExactly("q"));
        }
        assertThat(MemberSearch.parse("\tAda Lovelace\n", null, null, null).q()).isEqualTo("Ada Lovelace");
    }

    @Test
    void escapesLikeWildcardsInQuery() {
        MemberSearch search = MemberSearch.parse("  50%_off\\ ", null, null, null);

        assertThat(search.likePattern()).isEqualTo("%50\\%\\_off\\\\%");
    }

    @Test
    void computesOffsetWithoutOverflow() {
        assertThat(MemberSearch.parse(null, String.valueOf(Integer.MAX_VALUE), "100", null).offset())
            .isEqualTo(Integer.MAX_VALUE * 100L);
    }

    @Test
    void pageMetadataRoundsTotalPagesUp() {
        MemberSearch search = MemberSearch.parse(null, "1", "20", null);

        assertThat(MemberPage.of(java.util.List.of(), search, 41).page())
            .isEqualTo(new MemberPage.PageMetadata(20, 1, 41, 3));
        assertThat(MemberPage.of(java.util.List.of(), search, 0).page().totalPages()).isZero();
    }

}
