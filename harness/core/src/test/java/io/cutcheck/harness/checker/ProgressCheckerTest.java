package io.cutcheck.harness.checker;

import static io.cutcheck.harness.checker.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressCheckerTest {

    private final ProgressChecker checker = new ProgressChecker(Duration.ofSeconds(5));

    @Test
    void commitsSoonAfterStartAndAfterEachHealAreValid() {
        var result = checker.check(run().event("a", 0, "started", null).committed(1, 1_000, 1_100)
                .fault(0, "kill", 2_000, 3_000).restore("a", 2_500, 1L)
                .committed(2, 4_000, 4_200).event("a", 12_000, "started", null).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("quietWindowsJudged", 2);
        @SuppressWarnings("unchecked")
        var fault = ((List<Map<String, Object>>) result.stats().get("faults")).get(0);
        assertThat(fault).containsEntry("firstCommitAfterHealMs", 1_200L)
                .containsEntry("restoredAfterMs", 510L).containsEntry("recoveryMs", 2_200L);
    }

    @Test
    void noCommitWithinTheBoundAfterTheHealIsInvalid() {
        var result = checker.check(run().event("a", 0, "started", null).committed(1, 1_000, 1_100)
                .fault(0, "partition", 2_000, 3_000).committed(2, 4_000, 9_000).event("a", 12_000, "started", null)
                .build());
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        assertThat(result.anomalies().get(0).explanation()).contains("after 6000 ms");
        assertThat(result.anomalies().get(0).evidence()).containsEntry("healedFaults", List.of(0));
    }

    @Test
    void aRunEndingTooSoonAfterTheHealIsUnknown() {
        var result = checker.check(run().event("a", 0, "started", null).committed(1, 1_000, 1_100)
                .fault(0, "pause", 2_000, 3_000).event("a", 4_000, "started", null).build());
        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void quietStretchesCutShortByTheNextFaultAreNotJudged() {
        var result = checker.check(run().event("a", 0, "started", null).committed(1, 1_000, 1_100)
                .fault(0, "kill", 2_000, 3_000).fault(1, "kill", 4_000, 5_000)
                .committed(2, 5_500, 5_600).event("a", 20_000, "started", null).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void durationsAndAbortRatesAreMeasured() {
        var result = checker.check(run().event("a", 0, "started", null).committed(1, 1_000, 1_100)
                .committed(2, 2_000, 2_300).fault(0, "kill", 2_900, 3_900).aborted(3, 3_000, 3_500)
                .committed(4, 4_000, 4_040).build());
        @SuppressWarnings("unchecked")
        var durations = (Map<String, Object>) result.stats().get("checkpointDurationMs");
        assertThat(durations).containsEntry("count", 3).containsEntry("p50", 100L).containsEntry("p99", 300L);
        @SuppressWarnings("unchecked")
        var rates = (Map<String, Map<String, Object>>) result.stats().get("abortRateByFaultKind");
        assertThat(rates.get("kill")).containsEntry("rate", 1.0);
        assertThat(rates.get("none")).containsEntry("checkpoints", 3L).containsEntry("rate", 0.0);
    }
}
