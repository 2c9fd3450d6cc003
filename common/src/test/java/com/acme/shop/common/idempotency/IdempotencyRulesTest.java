package com.acme.shop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import com.acme.shop.common.idempotency.IdempotencyRules.Action;
import com.acme.shop.common.idempotency.IdempotencyStore.Claimed;
import com.acme.shop.common.idempotency.IdempotencyStore.Completed;
import com.acme.shop.common.idempotency.IdempotencyStore.InFlight;

class IdempotencyRulesTest {

    @Test
    void appliesToPostAndPatchOnly() {
        assertThat(IdempotencyRules.appliesTo(HttpMethod.POST)).isTrue();
        assertThat(IdempotencyRules.appliesTo(HttpMethod.PATCH)).isTrue();
        for (HttpMethod m : new HttpMethod[] { HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT,
                HttpMethod.DELETE }) {
            assertThat(IdempotencyRules.appliesTo(m)).as(m.name()).isFalse();
        }
    }

    @Test
    void storesSuccessAndClientErrorsExceptTransientOnes() {
        assertThat(IdempotencyRules.isStorable(200)).isTrue();
        assertThat(IdempotencyRules.isStorable(201)).isTrue();
        assertThat(IdempotencyRules.isStorable(204)).isTrue();
        assertThat(IdempotencyRules.isStorable(400)).isTrue();
        assertThat(IdempotencyRules.isStorable(404)).isTrue();
        assertThat(IdempotencyRules.isStorable(422)).isTrue();
        for (int status : new int[] { 408, 409, 425, 429, 500, 502, 503, 504, 301, 304, 100 }) {
            assertThat(IdempotencyRules.isStorable(status)).as("" + status).isFalse();
        }
    }

    @Test
    void decidesFromClaimOutcomeAndFingerprint() {
        StoredResponse done = new StoredResponse("fp", 201, Map.of(), new byte[0]);
        assertThat(IdempotencyRules.decide(new Claimed("fp", "t"), "fp")).isEqualTo(Action.EXECUTE);
        assertThat(IdempotencyRules.decide(new InFlight("fp"), "fp")).isEqualTo(Action.IN_FLIGHT);
        assertThat(IdempotencyRules.decide(new InFlight("other"), "fp")).isEqualTo(Action.FINGERPRINT_MISMATCH);
        assertThat(IdempotencyRules.decide(new Completed(done), "fp")).isEqualTo(Action.REPLAY);
        assertThat(IdempotencyRules.decide(new Completed(done), "other")).isEqualTo(Action.FINGERPRINT_MISMATCH);
    }

}
