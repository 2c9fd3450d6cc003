package com.acme.shop.e2e;

import java.util.UUID;

/** Unique credentials per test, so tests never depend on each other's data. */
record TestUser(String email, String name, String password) {

    static TestUser random(String label) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new TestUser(label + "-" + suffix + "@e2e.example.com", capitalize(label) + " Tester " + suffix,
                "long enough passphrase " + suffix + " walrus");
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String capitalize(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
