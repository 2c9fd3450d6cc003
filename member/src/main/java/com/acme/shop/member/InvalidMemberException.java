package com.acme.shop.member;

import java.util.List;

/** Input that failed validation; rendered as 400 with the {@code errors} list. */
class InvalidMemberException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidMemberException(List<FieldProblem> problems) {
        super("Invalid member input", null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
