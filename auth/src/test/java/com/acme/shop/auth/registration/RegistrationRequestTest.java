package com.acme.shop.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.acme.shop.auth.account.Password;
import com.acme.shop.auth.account.PasswordPolicy;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The registration field rules, as Bean Validation applies them to the request (formerly
 * RegistrationValidator).
 */
class RegistrationRequestTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.withBundledList(15, 128);

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider()
        .configure()
        .constraintValidatorFactory(new WithPolicy())
        .buildValidatorFactory();

    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /**
     * What Spring's factory does in the application: hands the policy to the password
     * validator.
     */
    static final class WithPolicy implements ConstraintValidatorFactory {

        private final ConstraintValidatorFactory defaults = Validation.byDefaultProvider()
            .configure()
            .getDefaultConstraintValidatorFactory();

        @Override
        @SuppressWarnings("unchecked")
        public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
            return key == Password.Validator.class ? (T) new Password.Validator(POLICY) : defaults.getInstance(key);
        }

        @Override
        public void releaseInstance(ConstraintValidator<?, ?> instance) {
        }

    }

    private static List<String> fields(RegistrationRequest request) {
        Set<ConstraintViolation<RegistrationRequest>> violations = VALIDATOR.validate(request);
        List<String> order = List.of("email", "name", "password");
        return violations.stream()
            .map(v -> v.getPropertyPath().toString())
            .sorted(Comparator.comparingInt(order::indexOf))
            .toList();
    }

    @Test
    void acceptsAValidRegistration() {
        assertThat(VALIDATOR.validate(new RegistrationRequest(" Ann@Example.com ", "Ann", "blue otter sings at dawn")))
            .isEmpty();
    }

    @Test
    void reportsEveryInvalidFieldWithAMessage() {
        assertThat(fields(new RegistrationRequest("not-an-email", " ", "short"))).containsExactly("email", "name",
                "password");
        assertThat(fields(new RegistrationRequest(null, null, null))).containsExactly("email", "name", "password");
    }

    @Test
    void explainsWhyAPasswordIsRejected() {
        assertThat(VALIDATOR.validate(new RegistrationRequest("a@b.co", "Ann", "passwordpassword"))).singleElement()
            .satisfies(error -> {
                assertThat(error.getPropertyPath().toString()).isEqualTo("password");
                assertThat(error.getMessage()).startsWith("Password ").contains("common");
            });
        assertThat(VALIDATOR.validate(new RegistrationRequest("a@b.co", "Ann", null))).singleElement()
            .extracting(ConstraintViolation::getMessage)
            .isEqualTo("Password must not be empty");
    }

    @Test
    void appliesMembersEmailAndNameRules() {
        assertThat(fields(new RegistrationRequest("jörg@example.com", "Jörg", "blue otter sings at dawn")))
            .containsExactly("email");
        assertThat(fields(new RegistrationRequest("ann@example.com", "Ann\u0007", "blue otter sings at dawn")))
            .containsExactly("name");
    }

}
