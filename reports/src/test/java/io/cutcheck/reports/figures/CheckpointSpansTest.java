package io.cutcheck.reports.figures;

import static io.cutcheck.reports.figures.Observed.committed;
import static io.cutcheck.reports.figures.Observed.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.observe.CheckpointObservation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointSpansTest {

    @Test
    void eachNodesSpanRunsFromItsBarrierToItsAckAndOnToTheCommit() {
        var observations = Observed.of(List.of(
                        event("coord", 1, 1_000, "triggered", 1L),
                        event("a", 1, 1_005, "barrier-received", 1L),
                        event("a", 1, 1_020, "snapshot-written", 1L),
                        event("a", 1, 1_021, "ack-sent", 1L),
                        event("coord", 1, 1_030, "committed", 1L)),
                List.of(), List.of(committed(1, "interval", 1_000, 1_021, 1_030)));

        List<NodeSpan> spans = CheckpointSpans.of(observations);

        assertThat(spans).containsExactly(
                new NodeSpan(1, NodeSpan.CHECKPOINT_LANE, 1_000, 1_021L, 1_030, "committed"),
                new NodeSpan(1, "a", 1_005, 1_020L, 1_030, "committed"),
                new NodeSpan(1, "b", 1_000, 1_021L, 1_030, "committed"),
                new NodeSpan(1, "coord", 1_000, 1_030L, 1_030, "committed"));
    }

    @Test
    void withoutEventsTheNodesShareTheCheckpointsTimes() {
        var aborted = new CheckpointObservation(2, "external", "aborted", 2_000L, null, null, 2_500L, null,
                List.of("a"), 2_010L, null, 2_520L);

        List<NodeSpan> spans = CheckpointSpans.of(Observed.of(List.of(), List.of(), List.of(aborted)));

        assertThat(spans).containsExactly(
                new NodeSpan(2, NodeSpan.CHECKPOINT_LANE, 2_000, null, 2_500, "aborted"),
                new NodeSpan(2, "a", 2_000, null, 2_500, "aborted"));
    }
}
