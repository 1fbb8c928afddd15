package io.cutcheck.sut.barrier;

import io.cutcheck.sut.control.CheckpointStatus;
import io.cutcheck.sut.control.CheckpointView;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/** The checkpoints a node knows about, for {@code GET /checkpoints}; a committed entry never changes status again. */
final class KnownCheckpoints {
    private static final int KEEP = 1000;
    private final Map<Long, CheckpointView> views = new ConcurrentSkipListMap<>();

    void put(CheckpointView view) {
        views.put(view.id(), view);
        while (views.size() > KEEP) {
            views.remove(((ConcurrentSkipListMap<Long, CheckpointView>) views).firstKey());
        }
    }

    void update(long id, UnaryOperator<CheckpointView> change) {
        views.computeIfPresent(id, (k, v) -> v.status() == CheckpointStatus.COMMITTED ? v : change.apply(v));
    }

    CheckpointView get(long id) {
        return views.get(id);
    }

    List<CheckpointView> all() {
        return List.copyOf(views.values());
    }

    static CheckpointView withStatus(CheckpointView v, CheckpointStatus status, long at) {
        return new CheckpointView(v.id(), v.reason(), status, v.triggeredAt(), v.acksCompleteAt(),
                status == CheckpointStatus.COMMITTED ? Long.valueOf(at) : v.committedAt(),
                status == CheckpointStatus.ABORTED ? Long.valueOf(at) : v.abortedAt(), v.sizeBytes(), v.metadataPath(),
                v.nodes());
    }
}
