package com.acme.shop.auth.servicetoken;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceClientsTest {

    @TempDir
    Path dir;

    @Test
    void generatesASecretOnceIntoTheKeyDirectory() throws Exception {
        String first = ServiceClients.secret("order", "", "ORDER_SERVICE_SECRET", dir, false);
        String second = ServiceClients.secret("order", null, "ORDER_SERVICE_SECRET", dir, false);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(Files.readString(dir.resolve("service-secret-order")).strip()).isEqualTo(first);
    }

    @Test
    void requiresAConfiguredSecretInProduction() {
        assertThatThrownBy(() -> ServiceClients.secret("order", " ", "ORDER_SERVICE_SECRET", dir, true))
            .hasMessageContaining("ORDER_SERVICE_SECRET must be set in the prod profile");
        assertThat(ServiceClients.secret("order", "a-configured-secret-of-enough-length-123", "X", dir, true))
            .isEqualTo("a-configured-secret-of-enough-length-123");
        assertThat(dir.resolve("service-secret-order")).doesNotExist();
    }

    @Test
    void refusesAShortConfiguredSecret() {
        assertThatThrownBy(() -> ServiceClients.secret("order", "short", "ORDER_SERVICE_SECRET", dir, false))
            .hasMessageContaining("at least 32");
    }

    @Test
    void authenticatesOnlyTheRightClientAndSecret() {
        ServiceClients clients = new ServiceClients(List
            .of(new ServiceClients.Client("order", "s3cret-s3cret-s3cret-s3cret-s3cret", Set.of("shop-payment"))));
        assertThat(clients.authenticate(basic("order:s3cret-s3cret-s3cret-s3cret-s3cret"))).isPresent();
        assertThat(clients.authenticate(basic("order:s3cret"))).isEmpty();
        assertThat(clients.authenticate(basic("payment:s3cret-s3cret-s3cret-s3cret-s3cret"))).isEmpty();
        assertThat(clients.authenticate(basic("no-colon"))).isEmpty();
        assertThat(clients.authenticate("Bearer abc")).isEmpty();
        assertThat(clients.authenticate(null)).isEmpty();
        assertThat(clients.authenticate("Basic %%%")).isEmpty();
    }

    private static String basic(String value) {
        return "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

}
