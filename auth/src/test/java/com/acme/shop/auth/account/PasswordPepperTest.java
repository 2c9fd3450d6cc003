package com.acme.shop.auth.account;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPepperTest {

    @TempDir
    Path dir;

    @Test
    void usesPasswordPepperWhenSet() {
        byte[] bytes = new byte[48];
        bytes[0] = 7;
        assertThat(PasswordPepper.load(Base64.getEncoder().encodeToString(bytes) + "\n", dir, true)).isEqualTo(bytes);
        assertThat(dir.resolve(PasswordPepper.FILE)).doesNotExist();
    }

    @Test
    void refusesAShortOrMalformedPepperNamingTheVariable() {
        assertThatThrownBy(() -> PasswordPepper.load(Base64.getEncoder().encodeToString(new byte[31]), dir, false))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("PASSWORD_PEPPER")
            .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> PasswordPepper.load("not base64 at all!", dir, false))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("PASSWORD_PEPPER is not valid base64");
    }

    @Test
    void theProdProfileRefusesToRunWithoutOne() {
        assertThatThrownBy(() -> PasswordPepper.load("", dir, true)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("PASSWORD_PEPPER must be set in the prod profile");
        assertThat(dir.resolve(PasswordPepper.FILE)).doesNotExist();
    }

    @Test
    void locallyOneIsGeneratedOnceIntoTheKeyDirectoryAndReused() throws Exception {
        byte[] first = PasswordPepper.load(null, dir, false);
        byte[] again = PasswordPepper.load(" ", dir, false);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(Base64.getDecoder().decode(Files.readString(dir.resolve(PasswordPepper.FILE)).strip()))
            .isEqualTo(first);
    }

}
