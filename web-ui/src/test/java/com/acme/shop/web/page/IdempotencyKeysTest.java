package com.acme.shop.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void keepsAValidSubmittedKeySoResubmissionsReuseIt() {
        assertThat(IdempotencyKeys.orNew("3f0e6a9c-1b2d-4c5e-8f70-0123456789ab"))
            .isEqualTo("3f0e6a9c-1b2d-4c5e-8f70-0123456789ab");
    }

    @Test
    void replacesMissingOrMalformedKeys() {
        assertThat(IdempotencyKeys.orNew(null)).matches("[0-9a-f-]{36}");
        assertThat(IdempotencyKeys.orNew("bad key\r\n")).matches("[0-9a-f-]{36}");
        assertThat(IdempotencyKeys.orNew("x".repeat(256))).matches("[0-9a-f-]{36}");
    }

}
