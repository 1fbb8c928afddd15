package io.cutcheck.sut.storage;

import java.util.List;
import java.util.Map;

/**
 * The metadata of a committed checkpoint: its parts with sizes and checksums, the source positions
 * (input partition → next offset) and the trigger reason. Its durable existence is the commit.
 */
public record CheckpointMetadata(int version, long id, String reason, long triggeredAt, long acksCompleteAt,
                                 long committedAt, List<PartInfo> parts, Map<Integer, Long> positions) {
    public CheckpointMetadata {
        parts = List.copyOf(parts);
        positions = Map.copyOf(positions);
    }

    public long partsBytes() {
        return parts.stream().mapToLong(PartInfo::sizeBytes).sum();
    }

    public java.util.Optional<PartInfo> part(String node) {
        return parts.stream().filter(p -> p.node().equals(node)).findFirst();
    }
}
