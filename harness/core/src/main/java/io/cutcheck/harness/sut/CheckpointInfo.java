package io.cutcheck.harness.sut;

import java.util.List;

/** One entry of {@code GET /checkpoints} (PROTOCOL.md section 2, "Checkpoint"). */
public record CheckpointInfo(long id, String reason, String status, Long triggeredAt, Long acksCompleteAt,
                             Long committedAt, Long abortedAt, Long sizeBytes, String metadataPath,
                             List<String> nodes) {
    public CheckpointInfo {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
