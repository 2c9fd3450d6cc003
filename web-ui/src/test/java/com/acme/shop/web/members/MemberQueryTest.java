package com.acme.shop.web.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberQueryTest {

    @Test
    void defaultsToFirstPageSortedByName() {
        MemberQuery query = MemberQuery.of(null, null, null);

        assertThat(query.apiUri()).isEqualTo("/api/members?q=&page=0&size=20&sort=name,asc");
    }

    @Test
    void sanitizesPageAndSort() {
        MemberQuery query = MemberQuery.of("  ada  ", "-3", "password,desc");

        assertThat(query.q()).isEqualTo("ada");
        assertThat(query.page()).isZero();
        assertThat(query.sort()).isEqualTo("name,desc");
        assertThat(MemberQuery.of("", "abc", "email,sideways").sort()).isEqualTo("email,asc");
    }

    @Test
    void encodesTheSearchTerm() {
        assertThat(MemberQuery.of("a&b=c d", "1", "email,asc").apiUri())
            .isEqualTo("/api/members?q=a%26b%3Dc%20d&page=1&size=20&sort=email,asc");
    }

    @Test
    void clickingTheSortedColumnFlipsTheDirection() {
        MemberQuery byName = MemberQuery.of("x", "2", "name,asc");

        assertThat(byName.sortLink("name")).isEqualTo("/members?q=x&page=0&sort=name,desc");
        assertThat(byName.sortLink("email")).isEqualTo("/members?q=x&page=0&sort=email,asc");
        assertThat(byName.ariaSort("name")).isEqualTo("ascending");
        assertThat(byName.ariaSort("email")).isEqualTo("none");
        assertThat(byName.pageLink(3)).isEqualTo("/members?q=x&page=3&sort=name,asc");
    }

}
