package com.acme.shop.order.clients;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceSecretTest {

    @TempDir
    Path dir;

    @Test
    void usesTheFileAuthWouldWriteOrWritesItOnce() throws Exception {
        Files.writeString(dir.resolve("service-secret-order"), "shared-with-auth-0123456789abcdefghijkl\n");
        assertThat(ServiceSecret.load(null, dir, false)).isEqualTo("shared-with-auth-0123456789abcdefghijkl");
        Path empty = dir.resolve("other");
        String generated = ServiceSecret.load("", empty, false);
        assertThat(generated).hasSizeGreaterThanOrEqualTo(32).isEqualTo(ServiceSecret.load(" ", empty, false));
    }

    @Test
    void isRequiredInProductionAndMustBeLongEnough() {
        assertThatThrownBy(() -> ServiceSecret.load("", dir, true))
            .hasMessageContaining("ORDER_SERVICE_SECRET must be set in the prod profile");
        assertThatThrownBy(() -> ServiceSecret.load("short", dir, false)).hasMessageContaining("at least 32");
        assertThat(ServiceSecret.load("a-configured-secret-of-enough-length-123", dir, true))
            .isEqualTo("a-configured-secret-of-enough-length-123");
    }

}
