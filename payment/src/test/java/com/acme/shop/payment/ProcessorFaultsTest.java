package com.acme.shop.payment;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.shop.payment.ProcessorFaults.Fault;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorFaultsTest {

    @Test
    void rateZeroNeverFailsAndRateOneAlwaysFails() {
        ProcessorFaults never = new ProcessorFaults(0.0, FailureMode.MIXED, 1L);
        ProcessorFaults always = new ProcessorFaults(1.0, FailureMode.BEFORE, 1L);
        for (int i = 0; i < 1000; i++) {
            assertThat(never.next()).isEqualTo(Fault.NONE);
            assertThat(always.next()).isEqualTo(Fault.BEFORE);
        }
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        assertThat(sequence(0.3, FailureMode.MIXED, 42L, 200)).isEqualTo(sequence(0.3, FailureMode.MIXED, 42L, 200))
            .isNotEqualTo(sequence(0.3, FailureMode.MIXED, 43L, 200));
    }

    @Test
    void failsAtAboutTheConfiguredRate() {
        List<Fault> faults = sequence(0.2, FailureMode.AFTER, 7L, 10_000);
        long failed = faults.stream().filter(f -> f != Fault.NONE).count();
        assertThat(failed).isBetween(1_800L, 2_200L);
        assertThat(faults).doesNotContain(Fault.BEFORE);
    }

    @Test
    void mixedModeGivesBothKinds() {
        List<Fault> faults = sequence(0.5, FailureMode.MIXED, 42L, 200);
        assertThat(faults).contains(Fault.BEFORE, Fault.AFTER, Fault.NONE);
    }

    private static List<Fault> sequence(double rate, FailureMode mode, Long seed, int length) {
        ProcessorFaults faults = new ProcessorFaults(rate, mode, seed);
        List<Fault> result = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            result.add(faults.next());
        }
        return result;
    }

}
