package com.acme.shop.web.cart;

import java.util.OptionalInt;

/** A quantity typed into a form: 1–99, anything else is refused. */
final class CartQuantities {

    private CartQuantities() {
    }

    static OptionalInt parse(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,3}")) {
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(text.strip());
        return value >= 1 && value <= CartClient.MAX_QUANTITY ? OptionalInt.of(value) : OptionalInt.empty();
    }

}
