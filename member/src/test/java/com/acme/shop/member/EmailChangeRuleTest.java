package com.acme.shop.member;

import com.acme.shop.common.problem.FieldMessage;
import com.acme.shop.common.problem.ProblemException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailChangeRuleTest {

    private static final String STORED = "Ada@example.com";

    @Test
    void refusesChangingTheEmailOfAMemberWithAnAccountEvenForAdmin() {
        for (boolean admin : new boolean[] { true, false }) {
            assertThatThrownBy(() -> EmailChangeRule.emailToStore(STORED, "other@example.com", true, admin))
                .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.errors())
                    .containsExactly(new FieldMessage("email", EmailChangeRule.ACCOUNT_EMAIL)));
        }
    }

    @Test
    void keepsTheStoredEmailOfAMemberWithAnAccountWhenTheSameOneIsSentInAnyCase() {
        assertThat(EmailChangeRule.emailToStore(STORED, "ADA@EXAMPLE.COM", true, true)).isEqualTo(STORED);
        assertThat(EmailChangeRule.emailToStore(STORED, "ada@example.com", true, false)).isEqualTo(STORED);
    }

    @Test
    void keepsTheStoredEmailWhenNoneIsSent() {
        assertThat(EmailChangeRule.emailToStore(STORED, null, true, false)).isEqualTo(STORED);
        assertThat(EmailChangeRule.emailToStore(STORED, null, false, true)).isEqualTo(STORED);
    }

    @Test
    void letsAdminChangeTheEmailOfAMemberWithoutAnAccount() {
        assertThat(EmailChangeRule.emailToStore(STORED, "new@example.com", false, true)).isEqualTo("new@example.com");
    }

    @Test
    void refusesUserChangingTheirOwnEmailWithoutAnAccountRecorded() {
        assertThatThrownBy(() -> EmailChangeRule.emailToStore(STORED, "new@example.com", false, false))
            .isInstanceOfSatisfying(ProblemException.class, ex -> assertThat(ex.errors())
                .containsExactly(new FieldMessage("email", EmailChangeRule.OWN_EMAIL)));
        assertThat(EmailChangeRule.emailToStore(STORED, "ada@EXAMPLE.com", false, false)).isEqualTo(STORED);
    }

}
