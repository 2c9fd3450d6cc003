package com.acme.shop.auth.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.acme.shop.auth.ApiProblem.FieldMessage;
import com.acme.shop.auth.account.PasswordPolicy;

/** Field rules of a registration; the password rules come from {@link PasswordPolicy}. */
final class RegistrationValidator {

    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private final PasswordPolicy passwords;

    RegistrationValidator(PasswordPolicy passwords) {
        this.passwords = passwords;
    }

    List<FieldMessage> validate(RegistrationRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        String email = request.email() == null ? "" : request.email().trim();
        if (email.isEmpty()) {
            errors.add(new FieldMessage("email", "must not be blank"));
        }
        else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldMessage("email", "must be a valid e-mail address"));
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldMessage("name", "must not be blank"));
        }
        else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            errors.add(new FieldMessage("name", "must be at most " + MAX_NAME + " characters long"));
        }
        passwords.violation(request.password())
                .ifPresent(reason -> errors.add(new FieldMessage("password", "Password " + reason)));
        return errors;
    }
}
