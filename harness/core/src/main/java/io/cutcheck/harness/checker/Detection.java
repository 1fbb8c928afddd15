package io.cutcheck.harness.checker;

import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Time to detection: from the start of the run phase to the earliest moment the evidence of a
 * violation existed. An anomaly about a checkpoint was evident once that checkpoint committed or
 * was restored from, whichever came first; a restore from the empty initial state when it began;
 * one without either (a lost or duplicated output record, a wrong final balance) only after the
 * drain, so it counts as the whole run. So does an anomaly marked {@link #AFTER_DRAIN}: output
 * that never arrived is evident only once the output is complete, whatever checkpoint it names.
 */
public final class Detection {

    /**
     * The evidence key ({@code true}) of an anomaly whose evidence exists only after the drain,
     * such as a group of lost records that names the checkpoint whose commit promised them.
     */
    public static final String AFTER_DRAIN = "evidentAfterDrain";

    private Detection() {}

    /** Milliseconds from the first operation to the earliest evidence; empty if there is no anomaly. */
    public static OptionalLong millis(Observations observations, List<CheckResult> checks, long wholeRunMillis) {
        List<Anomaly> anomalies = checks.stream().flatMap(c -> c.anomalies().stream())
                .filter(a -> !"unknown".equals(a.type())).toList();
        if (anomalies.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong start = firstOperation(observations);
        if (start.isEmpty()) {
            return OptionalLong.of(wholeRunMillis);
        }
        long earliest = Long.MAX_VALUE;
        long wholeRun = start.getAsLong() + wholeRunMillis;
        for (Anomaly a : anomalies) {
            OptionalLong at = Boolean.TRUE.equals(a.evidence().get(AFTER_DRAIN)) ? OptionalLong.empty()
                    : a.checkpoint() != null ? evidentAt(observations, a.checkpoint()) : restoreBegan(a);
            earliest = Math.min(earliest, at.orElse(wholeRun));
        }
        return OptionalLong.of(Math.max(0, earliest - start.getAsLong()));
    }

    /** When the run's first operation was invoked (wall clock), the origin of every "after … s"; empty without operations. */
    public static OptionalLong firstOperation(Observations observations) {
        return observations.history().stream().mapToLong(Op::wallMillis).filter(t -> t > 0).min();
    }

    /** A restore that needs no checkpoint to be wrong (one from the empty initial state) is evident as it begins. */
    private static OptionalLong restoreBegan(Anomaly a) {
        return a.evidence().get(Restore.BEGAN_AT) instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    private static OptionalLong evidentAt(Observations observations, long checkpoint) {
        OptionalLong restored = observations.events().stream()
                .filter(e -> Objects.equals(e.checkpoint(), checkpoint))
                .filter(e -> e.type().equals("restored") || e.type().equals("committed"))
                .mapToLong(NodeEvent::receivedAt).min();
        OptionalLong committed = observations.checkpoints().stream()
                .filter(c -> c.id() == checkpoint && c.committedSeenAt() != null)
                .mapToLong(CheckpointObservation::committedSeenAt).min();
        if (restored.isPresent() && committed.isPresent()) {
            return OptionalLong.of(Math.min(restored.getAsLong(), committed.getAsLong()));
        }
        return restored.isPresent() ? restored : committed;
    }
}
