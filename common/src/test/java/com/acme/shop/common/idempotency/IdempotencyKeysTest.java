package com.acme.shop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.shop.common.idempotency.IdempotencyKeys.Absent;
import com.acme.shop.common.idempotency.IdempotencyKeys.Invalid;
import com.acme.shop.common.idempotency.IdempotencyKeys.Valid;

class IdempotencyKeysTest {

    @Test
    void absentWhenNeitherHeaderIsSent() {
        assertThat(IdempotencyKeys.parse(null, null)).isInstanceOf(Absent.class);
        assertThat(IdempotencyKeys.parse(List.of(), List.of())).isInstanceOf(Absent.class);
    }

    @Test
    void acceptsBareTokenAndSfString() {
        assertThat(IdempotencyKeys.parse(List.of("abc-123_x.y:z"), null)).isEqualTo(new Valid("abc-123_x.y:z"));
        assertThat(IdempotencyKeys.parse(List.of("\"abc\""), null)).isEqualTo(new Valid("abc"));
        assertThat(IdempotencyKeys.parse(null, List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
            .isEqualTo(new Valid("8e03978e-40d5-43e8-bc93-6894a57f9324"));
    }

    @Test
    void acceptsBothNamesWithTheSameValue() {
        assertThat(IdempotencyKeys.parse(List.of("abc"), List.of("\"abc\""))).isEqualTo(new Valid("abc"));
    }

    @Test
    void rejectsBothNamesWithDifferentValues() {
        assertThat(IdempotencyKeys.parse(List.of("abc"), List.of("abd"))).isInstanceOf(Invalid.class);
    }

    @Test
    void rejectsRepeatedFieldsAndLists() {
        assertThat(IdempotencyKeys.parse(List.of("abc", "abc"), null)).isInstanceOf(Invalid.class);
        assertThat(IdempotencyKeys.parse(null, List.of("a", "b"))).isInstanceOf(Invalid.class);
        assertThat(IdempotencyKeys.parse(List.of("a, b"), null)).isInstanceOf(Invalid.class);
        assertThat(IdempotencyKeys.parse(List.of("\"a\", \"b\""), null)).isInstanceOf(Invalid.class);
    }

    @Test
    void rejectsBadSyntax() {
        for (String bad : List.of("", "\"\"", "a b", "a/b", "ä", "\"abc", "abc\"", "\"a\\\"b\"", "a;b", "a=b")) {
            assertThat(IdempotencyKeys.parse(List.of(bad), null)).as(bad).isInstanceOf(Invalid.class);
        }
    }

    @Test
    void acceptsUpTo255Characters() {
        assertThat(IdempotencyKeys.parse(List.of("k".repeat(255)), null)).isInstanceOf(Valid.class);
        assertThat(IdempotencyKeys.parse(List.of("k".repeat(256)), null)).isInstanceOf(Invalid.class);
    }

    @Test
    void scopesByTenantPrincipalAndKeyWithoutAmbiguity() {
        String scope = IdempotencyKeys.scope("default", "user-1", "key");
        assertThat(scope).matches("[0-9a-f]{64}");
        assertThat(IdempotencyKeys.scope("default", "user-1", "key")).isEqualTo(scope);
        assertThat(IdempotencyKeys.scope("default", "user-2", "key")).isNotEqualTo(scope);
        assertThat(IdempotencyKeys.scope("other", "user-1", "key")).isNotEqualTo(scope);
        assertThat(IdempotencyKeys.scope("default", "user-1k", "ey")).isNotEqualTo(scope);
    }

}
