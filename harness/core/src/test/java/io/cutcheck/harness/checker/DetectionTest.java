package io.cutcheck.harness.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionTest {

    static final long START = 1_000_000;

    static Observations observations(List<NodeEvent> events) {
        Op first = new Op(0, OpType.INVOKE, 0, "transfer", null, 0, START, null);
        return new Observations("bank", Map.of(), List.of(first), events, List.of(), List.of(), Map.of(), Map.of(),
                List.of(), Collected.whole(0), Map.of(), true);
    }

    static List<CheckResult> one(Anomaly anomaly) {
        return List.of(CheckResult.of("no-lost-commit", List.of(anomaly), Map.of()));
    }

    @Test
    void aRestoreFromTheInitialStateIsEvidentWhenItBegan() {
        Anomaly lost = new Anomaly("lost-commit", "restored from the empty initial state", null, "peer-0",
                Map.of("restoreBeganAt", START + 3_300));
        assertThat(Detection.millis(observations(List.of()), one(lost), 10_000)).hasValue(3_300);
    }

    @Test
    void anAnomalyAboutACheckpointIsEvidentWhenItWasRestoredFrom() {
        NodeEvent restored = new NodeEvent("peer-1", 1, 7, START + 2_000, "restored", 42L, null, START + 2_100);
        Anomaly aborted = new Anomaly("restore-from-aborted", "restored an aborted checkpoint", 42L, "peer-1", Map.of());
        assertThat(Detection.millis(observations(List.of(restored)), one(aborted), 10_000)).hasValue(2_100);
    }

    @Test
    void lostOutputNamingACheckpointIsStillEvidentOnlyAfterTheDrain() {
        NodeEvent committed = new NodeEvent("coordinator", 1, 3, START + 2_000, "committed", 12L, null, START + 2_050);
        Anomaly lost = new Anomaly("lost-transaction", "checkpoint 12's output never arrived", 12L, null,
                Map.of(Detection.AFTER_DRAIN, true));
        assertThat(Detection.millis(observations(List.of(committed)), one(lost), 10_000)).hasValue(10_000);
    }

    @Test
    void evidenceWithoutATimeCountsAsTheWholeRun() {
        Anomaly balance = new Anomaly("wrong-total", "money appeared", null, null, Map.of("total", 8806));
        assertThat(Detection.millis(observations(List.of()), one(balance), 10_000)).hasValue(10_000);
    }
}
