package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.harness.observe.FaultRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's restore, read from its {@code restore-started} and {@code restored} events
 * (PROTOCOL.md section 3). The one definition of a restore: the checkers judge {@link #all}, and
 * the restores {@code results.json} counts and groups into episodes are {@link #recoveries}.
 *
 * @param node the node that restored
 * @param incarnation its incarnation
 * @param checkpoint the checkpoint it restored from, or null for the empty initial state
 * @param beganAt the time of the {@code restore-started} event before it (the same incarnation)
 *     naming the same checkpoint, or of the {@code restored} event when there was none: a node may
 *     announce a restore before it knows from which checkpoint (a fresh process waiting to be told),
 *     and that earlier moment is not when this checkpoint was chosen
 * @param startedSeq the seq of that {@code restore-started} event, or null
 * @param restoredSeq the seq of the {@code restored} event
 * @param restoredAt the time of the {@code restored} event
 * @param announcedAt the time of the node's latest {@code restore-started} event before it (the
 *     same incarnation), whatever checkpoint that named, or {@code restoredAt} when there was none:
 *     when the node began to recover, which is what a recovery's duration counts from
 */
public record Restore(String node, long incarnation, Long checkpoint, long beganAt, Long startedSeq,
                      long restoredSeq, long restoredAt, long announcedAt) {

    /** Every restore in the order the events were received. */
    public static List<Restore> all(Observations observations) {
        Map<String, NodeEvent> lastStarted = new HashMap<>();
        List<Restore> restores = new ArrayList<>();
        for (NodeEvent event : observations.events()) {
            String key = event.node() + "#" + event.incarnation();
            if ("restore-started".equals(event.type())) {
                lastStarted.put(key, event);
            } else if ("restored".equals(event.type())) {
                Long checkpoint = checkpointOf(event);
                NodeEvent announced = lastStarted.remove(key);
                NodeEvent started = announced != null
                        && java.util.Objects.equals(checkpointOf(announced), checkpoint) ? announced : null;
                restores.add(new Restore(event.node(), event.incarnation(), checkpoint,
                        started == null ? event.time() : started.time(),
                        started == null ? null : started.seq(), event.seq(), event.time(),
                        announced == null ? event.time() : announced.time()));
            }
        }
        return restores;
    }

    /**
     * The restores that recover the system, by time: every one that names a checkpoint, and one
     * from the empty state when it comes after the first fault. The nodes' initial fresh start
     * (empty state, before anything failed) restores nothing.
     */
    public static List<Restore> recoveries(Observations observations) {
        long firstFault = observations.faults().stream().mapToLong(FaultRecord::startedAt).min().orElse(Long.MAX_VALUE);
        return all(observations).stream()
                .filter(r -> r.checkpoint() != null || r.restoredAt() >= firstFault)
                .sorted(Comparator.comparingLong(Restore::restoredAt))
                .toList();
    }

    /** The event's checkpoint, or (for systems that only put it there) its detail's. */
    private static Long checkpointOf(NodeEvent event) {
        if (event.checkpoint() != null) {
            return event.checkpoint();
        }
        if (event.detail() != null && event.detail().path("checkpoint").canConvertToLong()) {
            return event.detail().path("checkpoint").asLong();
        }
        return null;
    }

    /** The evidence key of the moment the restore began (node clock, ms since the epoch). */
    public static final String BEGAN_AT = "restoreBeganAt";

    /** Evidence naming the events of this restore. */
    public Map<String, Object> evidence() {
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("incarnation", incarnation);
        evidence.put("restoredEventSeq", restoredSeq);
        evidence.put(BEGAN_AT, beganAt);
        if (startedSeq != null) {
            evidence.put("restoreStartedEventSeq", startedSeq);
        }
        return evidence;
    }
}
