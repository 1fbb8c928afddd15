package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * When each checkpoint was first known to be committed or aborted, from every source the run
 * has: a {@code committed} / {@code aborted} event (the node's time), the {@code committedAt} /
 * {@code abortedAt} a node reported in {@code GET /checkpoints}, and the harness's time of first
 * seeing that status. The earliest wins: each is an upper bound of the moment the metadata
 * became durable (or the checkpoint was given up).
 *
 * <p>Times are wall-clock milliseconds of processes on the same host (or containers sharing its
 * clock), so they compare directly.
 */
public final class CommitEvidence {

    private final Map<Long, Long> committedAt = new HashMap<>();
    private final Map<Long, Long> abortedAt = new HashMap<>();
    private final Map<Long, CheckpointObservation> seen = new HashMap<>();

    private CommitEvidence() {}

    public static CommitEvidence of(Observations observations) {
        CommitEvidence evidence = new CommitEvidence();
        for (CheckpointObservation checkpoint : observations.checkpoints()) {
            evidence.seen.put(checkpoint.id(), checkpoint);
            if (checkpoint.committed()) {
                evidence.committed(checkpoint.id(), checkpoint.committedAt());
                evidence.committed(checkpoint.id(), checkpoint.committedSeenAt());
            }
            if ("aborted".equals(checkpoint.status())) {
                evidence.aborted(checkpoint.id(), checkpoint.abortedAt());
                evidence.aborted(checkpoint.id(), checkpoint.abortedSeenAt());
            }
        }
        for (NodeEvent event : observations.events()) {
            if (event.checkpoint() == null) {
                continue;
            }
            if ("committed".equals(event.type())) {
                evidence.committed(event.checkpoint(), event.time());
            } else if ("aborted".equals(event.type())) {
                evidence.aborted(event.checkpoint(), event.time());
            }
        }
        return evidence;
    }

    private void committed(long id, Long at) {
        if (at != null) {
            committedAt.merge(id, at, Math::min);
        }
    }

    private void aborted(long id, Long at) {
        if (at != null) {
            abortedAt.merge(id, at, Math::min);
        }
    }

    /** The earliest time the checkpoint was known committed, or empty if it never was. */
    public OptionalLong committedAt(long id) {
        Long at = committedAt.get(id);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    public OptionalLong abortedAt(long id) {
        Long at = abortedAt.get(id);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The status last seen in {@code GET /checkpoints}, or {@code "never listed"}. */
    public String lastListedStatus(long id) {
        CheckpointObservation checkpoint = seen.get(id);
        return checkpoint == null ? "never listed" : checkpoint.status();
    }

    /** Every checkpoint known committed, id → earliest commit time. */
    public Map<Long, Long> committed() {
        return Map.copyOf(committedAt);
    }
}
