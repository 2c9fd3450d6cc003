package com.acme.shop.member;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The member input rules, as Bean Validation applies them to the request records
 * (formerly MemberValidator).
 */
class MemberFormTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** Create or full update: the groups the controller validates with. */
    private static List<String> complete(MemberForm form) {
        return fields(VALIDATOR.validate(form, MemberForm.Complete.class), form);
    }

    private static List<String> profile(MemberForm form) {
        return fields(VALIDATOR.validate(form), form);
    }

    private static <T> List<String> fields(Set<ConstraintViolation<T>> violations, Object form) {
        List<String> order = List.of(form.getClass().getRecordComponents()).stream().map(c -> c.getName()).toList();
        return violations.stream()
            .map(v -> v.getPropertyPath().toString())
            .sorted(Comparator.comparingInt(order::indexOf))
            .toList();
    }

    @Test
    void trimsAndAcceptsValidInput() {
        MemberForm form = new MemberForm(" ada@example.com ", "  Ada Lovelace ", " +44 (20) 7946-0958 ");

        assertThat(complete(form)).isEmpty();
        assertThat(form.toData()).isEqualTo(new MemberData("ada@example.com", "Ada Lovelace", "+44 (20) 7946-0958"));
    }

    @Test
    void treatsBlankPhoneAsAbsent() {
        assertThat(complete(new MemberForm("a@example.com", "A", "  "))).isEmpty();
        assertThat(new MemberForm("a@example.com", "A", "  ").toData().phone()).isNull();
        assertThat(new MemberForm("a@example.com", "A", null).toData().phone()).isNull();
    }

    @Test
    void reportsEveryInvalidField() {
        assertThat(complete(new MemberForm("not-an-email", "   ", "abc"))).containsExactly("email", "name", "phone");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThat(complete(new MemberForm(null, null, null))).containsExactly("email", "name");
    }

    @Test
    void enforcesLengthLimits() {
        String longEmail = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60)
                + ".example.com";
        assertThat(longEmail.length()).isGreaterThan(254);
        assertThat(complete(new MemberForm(longEmail, "x".repeat(101), "1".repeat(33)))).containsExactly("email",
                "name", "phone");
        assertThat(complete(new MemberForm("a@b.co", "x".repeat(100), "1".repeat(32)))).isEmpty();
    }

    @Test
    void countsNameLengthInCodePoints() {
        String hundredEmoji = "😀".repeat(100);

        assertThat(complete(new MemberForm("a@b.co", hundredEmoji, null))).isEmpty();
        assertThat(new MemberForm("a@b.co", hundredEmoji, null).toData().name()).isEqualTo(hundredEmoji);
    }

    @Test
    void keepsSqlAndMarkupLiterally() {
        MemberForm sql = new MemberForm("bobby@example.com", "Robert'); DROP TABLE members;--", null);
        MemberForm script = new MemberForm("x@example.com", "<script>alert(1)</script>", null);

        assertThat(complete(sql)).isEmpty();
        assertThat(complete(script)).isEmpty();
        assertThat(sql.toData().name()).isEqualTo("Robert'); DROP TABLE members;--");
        assertThat(script.toData().name()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void profileUpdateMayOmitEmailButNotBlankIt() {
        assertThat(profile(new MemberForm(null, "Ada", null))).isEmpty();
        assertThat(new MemberForm(null, "Ada", null).toData().email()).isNull();
        assertThat(VALIDATOR.validate(new MemberForm(" ", "Ada", null))).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("email");
            assertThat(v.getMessage()).isEqualTo("must not be blank");
        });
    }

    @Test
    void internalCreateRequiresUuidId() {
        InternalMemberForm form = new InternalMemberForm("42", "a@b.co", "A", null);
        assertThat(fields(VALIDATOR.validate(form), form)).containsExactly("id");
        InternalMemberForm blank = new InternalMemberForm(" ", "a@b.co", "A", null);
        assertThat(VALIDATOR.validate(blank)).singleElement()
            .extracting(ConstraintViolation::getMessage)
            .isEqualTo("must not be blank");
        assertThat(
                VALIDATOR.validate(new InternalMemberForm("0b9d3c5e-8f1a-4c3b-9a57-3f2a1d0e6b7c", "a@b.co", "A", null)))
            .isEmpty();
    }

}
