package io.cutcheck.reports.figures;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import java.util.List;
import java.util.Map;

/** Small hand-made observations for the figures' tests. */
final class Observed {

    private Observed() {}

    static Observations of(List<NodeEvent> events, List<FaultRecord> faults, List<CheckpointObservation> checkpoints) {
        return of(List.of(), events, faults, checkpoints);
    }

    static Observations of(List<Op> history, List<NodeEvent> events, List<FaultRecord> faults,
                           List<CheckpointObservation> checkpoints) {
        return new Observations("stream", Map.of(), history, events, faults, checkpoints, Map.of(), Map.of(), List.of(),
                Collected.whole(0), Map.of(), true);
    }

    static NodeEvent event(String node, long incarnation, long time, String type, Long checkpoint) {
        return new NodeEvent(node, incarnation, 0, time, type, checkpoint, JsonNodeFactory.instance.objectNode(), time);
    }

    static CheckpointObservation committed(long id, String reason, long triggered, long acks, long committed) {
        return new CheckpointObservation(id, reason, "committed", triggered, acks, committed, null, 100L,
                List.of("a", "b"), triggered, committed, null);
    }

    static FaultRecord fault(int id, long start, Long healed) {
        return new FaultRecord(id, "kill", List.of("a"), start, healed, null);
    }
}
