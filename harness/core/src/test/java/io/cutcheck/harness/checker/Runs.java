package io.cutcheck.harness.checker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made observations for checker tables: events, checkpoints and faults, nothing else. */
final class Runs {

    private final List<NodeEvent> events = new ArrayList<>();
    private final List<CheckpointObservation> checkpoints = new ArrayList<>();
    private final List<FaultRecord> faults = new ArrayList<>();
    private long seq;

    static Runs run() {
        return new Runs();
    }

    Runs event(String node, long time, String type, Long checkpoint) {
        events.add(new NodeEvent(node, 1, seq++, time, type, checkpoint, JsonNodeFactory.instance.objectNode(), time));
        return this;
    }

    /** A checkpoint triggered at {@code triggeredAt} and committed at {@code committedAt}, with its events. */
    Runs committed(long id, long triggeredAt, long committedAt) {
        checkpoints.add(new CheckpointObservation(id, "interval", "committed", triggeredAt, committedAt - 1, committedAt,
                null, 100L, List.of("a", "b"), triggeredAt, committedAt + 5, null));
        event("coordinator", triggeredAt, "triggered", id);
        return event("coordinator", committedAt, "committed", id);
    }

    Runs pending(long id, long triggeredAt) {
        checkpoints.add(new CheckpointObservation(id, "interval", "pending", triggeredAt, null, null,
                null, null, List.of("a", "b"), triggeredAt, null, null));
        return event("coordinator", triggeredAt, "triggered", id);
    }

    Runs aborted(long id, long triggeredAt, long abortedAt) {
        checkpoints.add(new CheckpointObservation(id, "interval", "aborted", triggeredAt, null, null,
                abortedAt, null, List.of("a", "b"), triggeredAt, null, abortedAt + 5));
        event("coordinator", triggeredAt, "triggered", id);
        return event("coordinator", abortedAt, "aborted", id);
    }

    /** {@code node} begins restoring at {@code began} and has restored from {@code checkpoint} 10 ms later. */
    Runs restore(String node, long began, Long checkpoint) {
        event(node, began, "restore-started", checkpoint);
        return event(node, began + 10, "restored", checkpoint);
    }

    Runs fault(int id, String kind, long startedAt, long healedAt) {
        faults.add(new FaultRecord(id, kind, List.of("a"), startedAt, healedAt, null));
        return this;
    }

    Observations build() {
        return new Observations("stream", Map.of(), List.of(), events, faults, checkpoints, Map.of(), Map.of(),
                List.of(), Collected.whole(0), Map.of(), true);
    }
}
