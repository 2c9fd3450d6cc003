package com.acme.shop.member;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validates and normalises member input: email valid and at most 254 characters, name 1–100
 * characters after trimming, phone optional matching {@code ^[+0-9 ()-]{3,32}$}. Every invalid field
 * is reported, not only the first.
 */
final class MemberValidator {

    static final int EMAIL_MAX = 254;
    static final int NAME_MAX = 100;

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ()-]{3,32}$");

    private MemberValidator() {
    }

    /** Validates a create or full update: email and name required. */
    static MemberData validate(MemberForm form) {
        return validate(form, true);
    }

    /** Validates a profile update: email may be left out to keep the current one. */
    static MemberData validateProfile(MemberForm form) {
        return validate(form, false);
    }

    static MemberData validate(MemberForm form, boolean emailRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        MemberForm input = form == null ? new MemberForm(null, null, null) : form;
        String email = email(input.email(), emailRequired, problems);
        String name = name(input.name(), problems);
        String phone = phone(input.phone(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidMemberException(problems);
        }
        return new MemberData(email, name, phone);
    }

    /** Validates the internal create body, whose id must be a UUID. */
    static UUID id(String id, List<FieldProblem> problems) {
        if (id == null || id.isBlank()) {
            problems.add(new FieldProblem("id", "must not be blank"));
            return null;
        }
        UUID parsed = Ids.parse(id);
        if (parsed == null) {
            problems.add(new FieldProblem("id", "must be a UUID"));
        }
        return parsed;
    }

    static InternalMember validate(InternalMemberForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        InternalMemberForm input = form == null ? new InternalMemberForm(null, null, null, null) : form;
        UUID id = id(input.id(), problems);
        String email = email(input.email(), true, problems);
        String name = name(input.name(), problems);
        String phone = phone(input.phone(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidMemberException(problems);
        }
        return new InternalMember(id, new MemberData(email, name, phone));
    }

    private static String email(String raw, boolean required, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            if (required || raw != null) {
                problems.add(new FieldProblem("email", "must not be blank"));
            }
            return null;
        }
        String email = raw.strip();
        if (email.length() > EMAIL_MAX) {
            problems.add(new FieldProblem("email", "must be at most " + EMAIL_MAX + " characters"));
        }
        else if (!EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "must be a valid email address"));
        }
        return email;
    }

    private static String name(String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem("name", "must not be blank"));
            return null;
        }
        String name = raw.strip();
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            problems.add(new FieldProblem("name", "must be at most " + NAME_MAX + " characters"));
        }
        else if (name.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("name", "must not contain control characters"));
        }
        return name;
    }

    private static String phone(String raw, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String phone = raw.strip();
        if (!PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("phone",
                    "must be 3 to 32 characters of digits, spaces, '+', '(', ')' and '-'"));
        }
        return phone;
    }

    /** A validated internal create: the id chosen by auth plus the member fields. */
    record InternalMember(UUID id, MemberData data) {
    }
}
