package io.cutcheck.sut.barrier;

import io.cutcheck.sut.storage.CheckpointMetadata;
import io.cutcheck.sut.storage.PartInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A triggered checkpoint collecting acknowledgements; {@link #toMetadata} turns it into the committed record. */
final class PendingCheckpoint {
    private final long id;
    private final String reason;
    private final long triggeredAt;
    private final Map<String, PartInfo> parts = new LinkedHashMap<>();
    private final Map<Integer, Long> positions = new TreeMap<>();

    PendingCheckpoint(long id, String reason, long triggeredAt) {
        this.id = id;
        this.reason = reason;
        this.triggeredAt = triggeredAt;
    }

    long id() {
        return id;
    }

    String reason() {
        return reason;
    }

    long triggeredAt() {
        return triggeredAt;
    }

    void ack(String node, PartInfo part, Map<Integer, Long> sourcePositions) {
        parts.put(node, part);
        positions.putAll(sourcePositions);
    }

    boolean ackedBy(Collection<String> nodes) {
        return parts.keySet().containsAll(nodes);
    }

    CheckpointMetadata toMetadata(long acksCompleteAt, long committedAt) {
        return new CheckpointMetadata(1, id, reason, triggeredAt, acksCompleteAt, committedAt,
                List.copyOf(parts.values()), positions);
    }
}
