package com.acme.shop.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one email rule and the one name rule, as Bean Validation applies them. */
class SharedRulesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Person(@EmailAddress String email, @PersonName String name) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ada@example.com", " Ada.Lovelace+shop@mail.example.co.uk ", "o'brien@example.ie" })
    void acceptsUsualAddresses(String email) {
        assertThat(VALIDATOR.validate(new Person(email, "Ada"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-an-email", "jörg@example.com", "ann@-example.com", "ann@example..com",
            "ann@exam_ple.com", "a b@example.com", "ann@localhost", "ann@example.com\u0000x" })
    void rejectsWhatAnyServiceWouldReject(String email) {
        assertThat(VALIDATOR.validate(new Person(email, "Ada"))).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("email");
            assertThat(v.getMessage()).isEqualTo(EmailAddressValidator.INVALID);
        });
    }

    @Test
    void reportsAnOverlongAddressAsTooLong() {
        String longEmail = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60)
                + ".example.com";
        assertThat(VALIDATOR.validate(new Person(longEmail, "Ada"))).singleElement()
            .extracting(v -> v.getMessage())
            .isEqualTo(EmailAddressValidator.TOO_LONG);
    }

    @Test
    void leavesAbsentValuesToNotBlank() {
        assertThat(VALIDATOR.validate(new Person(null, null))).isEmpty();
        assertThat(VALIDATOR.validate(new Person("  ", " "))).isEmpty();
    }

    @Test
    void countsNamesInCodePointsAndRefusesControlCharacters() {
        assertThat(VALIDATOR.validate(new Person("a@b.co", "😀".repeat(100)))).isEmpty();
        assertThat(VALIDATOR.validate(new Person("a@b.co", "x".repeat(101)))).singleElement()
            .extracting(v -> v.getMessage())
            .isEqualTo(PersonNameValidator.TOO_LONG);
        assertThat(VALIDATOR.validate(new Person("a@b.co", "Ada\u0007Lovelace"))).singleElement()
            .extracting(v -> v.getMessage())
            .isEqualTo(PersonNameValidator.CONTROL);
    }

    record Required(@jakarta.validation.constraints.NotBlank String value) {
    }

    @Test
    void builtInMessagesStayEnglishWhateverTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY);
        try (ValidatorFactory german = Validation.buildDefaultValidatorFactory()) {
            assertThat(german.getValidator().validate(new Required(" "))).singleElement()
                .extracting(v -> v.getMessage())
                .isEqualTo("must not be blank");
        }
        finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void takesAMessageWithTemplateCharactersLiterally() {
        assertThat(Constraints.literal("must be {min} or ${x}")).isEqualTo("must be \\{min\\} or \\$\\{x\\}");
    }

}
