package com.acme.shop.common.problem;

/**
 * One entry of a 400 problem's {@code errors} list: the JSON field name and what is wrong
 * with it.
 */
public record FieldMessage(String field, String message) {
}
