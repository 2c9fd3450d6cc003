package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemberValidatorTest {

    @Test
    void trimsAndAcceptsValidInput() {
        MemberData data = MemberValidator.validate(new MemberForm(" ada@example.com ", "  Ada Lovelace ", " +44 (20) 7946-0958 "));

        assertThat(data).isEqualTo(new MemberData("ada@example.com", "Ada Lovelace", "+44 (20) 7946-0958"));
    }

    @Test
    void treatsBlankPhoneAsAbsent() {
        assertThat(MemberValidator.validate(new MemberForm("a@example.com", "A", "  ")).phone()).isNull();
        assertThat(MemberValidator.validate(new MemberForm("a@example.com", "A", null)).phone()).isNull();
    }

    @Test
    void reportsEveryInvalidField() {
        assertThatThrownBy(() -> MemberValidator.validate(new MemberForm("not-an-email", "   ", "abc")))
                .isInstanceOfSatisfying(InvalidMemberException.class, ex -> assertThat(ex.problems())
                        .extracting(FieldProblem::field).containsExactly("email", "name", "phone"));
    }

    @Test
    void rejectsMissingBody() {
        assertThatThrownBy(() -> MemberValidator.validate((MemberForm) null))
                .isInstanceOfSatisfying(InvalidMemberException.class, ex -> assertThat(ex.problems())
                        .extracting(FieldProblem::field).containsExactly("email", "name"));
    }

    @Test
    void enforcesLengthLimits() {
        String longEmail = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".example.com";
        assertThat(longEmail.length()).isGreaterThan(254);
        assertThatThrownBy(() -> MemberValidator.validate(new MemberForm(longEmail, "x".repeat(101), "1".repeat(33))))
                .isInstanceOfSatisfying(InvalidMemberException.class, ex -> assertThat(ex.problems())
                        .extracting(FieldProblem::field).containsExactly("email", "name", "phone"));
        assertThat(MemberValidator.validate(new MemberForm("a@b.co", "x".repeat(100), "1".repeat(32))).name()).hasSize(100);
    }

    @Test
    void countsNameLengthInCodePoints() {
        String hundredEmoji = "😀".repeat(100);

        assertThat(MemberValidator.validate(new MemberForm("a@b.co", hundredEmoji, null)).name()).isEqualTo(hundredEmoji);
    }

    @Test
    void keepsSqlAndMarkupLiterally() {
        MemberData data = MemberValidator.validate(new MemberForm("bobby@example.com", "Robert'); DROP TABLE members;--", null));
        MemberData script = MemberValidator.validate(new MemberForm("x@example.com", "<script>alert(1)</script>", null));

        assertThat(data.name()).isEqualTo("Robert'); DROP TABLE members;--");
        assertThat(script.name()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void profileUpdateMayOmitEmailButNotBlankIt() {
        assertThat(MemberValidator.validateProfile(new MemberForm(null, "Ada", null)).email()).isNull();
        assertThatThrownBy(() -> MemberValidator.validateProfile(new MemberForm(" ", "Ada", null)))
                .isInstanceOfSatisfying(InvalidMemberException.class, ex -> assertThat(ex.problems())
                        .extracting(FieldProblem::field).containsExactly("email"));
    }

    @Test
    void internalCreateRequiresUuidId() {
        assertThatThrownBy(() -> MemberValidator.validate(new InternalMemberForm("42", "a@b.co", "A", null)))
                .isInstanceOfSatisfying(InvalidMemberException.class, ex -> assertThat(ex.problems())
                        .extracting(FieldProblem::field).containsExactly("id"));
    }
}
