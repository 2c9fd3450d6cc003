package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;

class MemberAccessTest {

    private final UUID self = UUID.randomUUID();

    @Test
    void adminMayAccessAnyId() {
        assertThat(MemberAccess.allowed(token(self, "ROLE_USER", "ROLE_ADMIN"), UUID.randomUUID().toString())).isTrue();
    }

    @Test
    void userMayAccessOnlyOwnIdInAnyCase() {
        assertThat(MemberAccess.allowed(token(self, "ROLE_USER"), self.toString())).isTrue();
        assertThat(MemberAccess.allowed(token(self, "ROLE_USER"), self.toString().toUpperCase())).isTrue();
        assertThat(MemberAccess.allowed(token(self, "ROLE_USER"), UUID.randomUUID().toString())).isFalse();
        assertThat(MemberAccess.allowed(token(self, "ROLE_USER"), "not-a-uuid")).isFalse();
    }

    @Test
    void otherRolesAreRefusedEvenForTheirOwnSubject() {
        assertThat(MemberAccess.allowed(token(self, "ROLE_SERVICE"), self.toString())).isFalse();
        assertThat(MemberAccess.allowed(token(self), self.toString())).isFalse();
    }

    private static TestingAuthenticationToken token(UUID subject, String... authorities) {
        return new TestingAuthenticationToken(subject.toString(), null, authorities);
    }

}
