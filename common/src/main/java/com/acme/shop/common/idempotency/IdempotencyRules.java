package com.acme.shop.common.idempotency;

import org.springframework.http.HttpMethod;

import com.acme.shop.common.idempotency.IdempotencyStore.ClaimOutcome;
import com.acme.shop.common.idempotency.IdempotencyStore.Claimed;
import com.acme.shop.common.idempotency.IdempotencyStore.Completed;
import com.acme.shop.common.idempotency.IdempotencyStore.InFlight;

/** The decisions of rules A1, A7, A8, A10 and A11, free of I/O. */
final class IdempotencyRules {

    /** What to do with a request after the claim. */
    enum Action {

        /** We hold the scope: call the upstream. */
        EXECUTE,
        /** The same request is still in flight: 409 with {@code Retry-After: 1} (A8). */
        IN_FLIGHT,
        /** The key was used for a different request: 422 (A7). */
        FINGERPRINT_MISMATCH,
        /** The same request already completed: replay it (A10). */
        REPLAY

    }

    private IdempotencyRules() {
    }

    /** A1: keys are enforced on POST and PATCH only. */
    static boolean appliesTo(HttpMethod method) {
        return HttpMethod.POST.equals(method) || HttpMethod.PATCH.equals(method);
    }

    /**
     * A11: 2xx and 4xx except 408, 409, 425 and 429 are stored; everything else releases
     * the key.
     */
    static boolean isStorable(int status) {
        if (status >= 200 && status < 300) {
            return true;
        }
        return status >= 400 && status < 500 && status != 408 && status != 409 && status != 425 && status != 429;
    }

    static Action decide(ClaimOutcome outcome, String fingerprint) {
        if (outcome instanceof Claimed) {
            return Action.EXECUTE;
        }
        if (outcome instanceof InFlight inFlight) {
            return fingerprint.equals(inFlight.fingerprint()) ? Action.IN_FLIGHT : Action.FINGERPRINT_MISMATCH;
        }
        Completed completed = (Completed) outcome;
        return fingerprint.equals(completed.response().fingerprint()) ? Action.REPLAY : Action.FINGERPRINT_MISMATCH;
    }

}
