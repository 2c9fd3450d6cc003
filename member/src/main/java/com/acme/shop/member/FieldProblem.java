package com.acme.shop.member;

/** One invalid input field, rendered in the {@code errors} list of a 400 problem. */
record FieldProblem(String field, String message) {
}
