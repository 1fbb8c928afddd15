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

    public boolean committed() {
        return "committed".equals(status);
    }
}
