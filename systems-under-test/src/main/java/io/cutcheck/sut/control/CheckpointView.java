package io.cutcheck.sut.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One entry of {@code GET /checkpoints} (PROTOCOL.md section 2). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckpointView(long id, String reason, CheckpointStatus status, long triggeredAt, Long acksCompleteAt,
                             Long committedAt, Long abortedAt, long sizeBytes, String metadataPath, List<String> nodes) {
    public CheckpointView {
        nodes = List.copyOf(nodes);
    }
}
