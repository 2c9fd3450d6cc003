package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void formatsVersionAsStrongTag() {
        assertThat(ETags.format(3)).isEqualTo("\"3\"");
    }

    @Test
    void matchesCurrentVersionWildcardAndLists() {
        assertThat(ETags.matches("\"3\"", 3)).isTrue();
        assertThat(ETags.matches(" * ", 7)).isTrue();
        assertThat(ETags.matches("\"1\", \"3\"", 3)).isTrue();
    }

    @Test
    void rejectsStaleWeakAndMalformedTags() {
        assertThat(ETags.matches("\"2\"", 3)).isFalse();
        assertThat(ETags.matches("W/\"3\"", 3)).isFalse();
        assertThat(ETags.matches("3", 3)).isFalse();
        assertThat(ETags.matches("\"abc\"", 3)).isFalse();
        assertThat(ETags.matches("\"99999999999999999999\"", 3)).isFalse();
    }

}
