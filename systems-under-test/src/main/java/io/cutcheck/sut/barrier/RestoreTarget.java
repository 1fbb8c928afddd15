package io.cutcheck.sut.barrier;

import io.cutcheck.sut.storage.CheckpointMetadata;
import io.cutcheck.sut.storage.CheckpointStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a global restart restores: a checkpoint id (0 = the empty initial state) and, when it is
 * committed, its metadata, which names each task's part with size and checksum.
 */
record RestoreTarget(long checkpoint, Optional<CheckpointMetadata> metadata) {

    static final RestoreTarget EMPTY = new RestoreTarget(0, Optional.empty());

    /**
     * The newest committed checkpoint not known to be unusable; with the {@code restore-pending-checkpoint}
     * defect, the last triggered id instead when it is newer, metadata or not.
     */
    static RestoreTarget choose(CheckpointStore store, long lastTriggered, Set<Long> unusable, BarrierDefect defect) {
        RestoreTarget target = EMPTY;
        List<CheckpointMetadata> committed = store.committed();
        for (int i = committed.size() - 1; i >= 0; i--) {
            if (!unusable.contains(committed.get(i).id())) {
                target = new RestoreTarget(committed.get(i).id(), Optional.of(committed.get(i)));
                break;
            }
        }
        if (defect == BarrierDefect.RESTORE_PENDING_CHECKPOINT && lastTriggered > target.checkpoint()
                && !unusable.contains(lastTriggered)) {
            return new RestoreTarget(lastTriggered, Optional.empty());
        }
        return target;
    }
}
