package com.acme.shop.auth.registration;

import com.acme.shop.auth.ApiProblem.FieldMessage;
import com.acme.shop.auth.account.PasswordPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationValidatorTest {

    private final RegistrationValidator validator = new RegistrationValidator(PasswordPolicy.withBundledList(15, 128));

    @Test
    void acceptsAValidRegistration() {
        assertThat(validator.validate(new RegistrationRequest(" Ann@Example.com ", "blue otter sings at dawn", "Ann")))
                .isEmpty();
    }

    @Test
    void reportsEveryInvalidFieldWithAMessage() {
        assertThat(validator.validate(new RegistrationRequest("not-an-email", "short", " ")))
                .extracting(FieldMessage::field).containsExactly("email", "name", "password");
        assertThat(validator.validate(new RegistrationRequest(null, null, null)))
                .extracting(FieldMessage::field).containsExactly("email", "name", "password");
    }

    @Test
    void explainsWhyAPasswordIsRejected() {
        assertThat(validator.validate(new RegistrationRequest("a@b.co", "passwordpassword", "Ann")))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("password");
                    assertThat(error.message()).contains("common");
                });
    }
}
