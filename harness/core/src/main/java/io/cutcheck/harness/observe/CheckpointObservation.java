package io.cutcheck.harness.observe;

import java.util.List;

/**
 * A checkpoint as the harness saw it through {@code GET /checkpoints}, with the harness's own
 * times of first seeing it in each status. {@code status} is the last status seen; a checkpoint
 * removed by retention keeps the last status it was seen with.
 */
public record CheckpointObservation(long id, String reason, String status,
                                    Long triggeredAt, Long acksCompleteAt, Long committedAt, Long abortedAt,
                                    Long sizeBytes, List<String> nodes,
                                    Long firstSeenAt, Long committedSeenAt, Long abortedSeenAt) {
    public CheckpointObservation {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /**
     * Whether the part on {@code node} belongs to this checkpoint: a checkpoint that names its
     * holders is made of their parts only (one naming none is asked everywhere).
     */
    public boolean names(String node) {
        return nodes.isEmpty() || nodes.contains(node);
    }

    public boolean committed() {
        return "committed".equals(status);
    }
}
