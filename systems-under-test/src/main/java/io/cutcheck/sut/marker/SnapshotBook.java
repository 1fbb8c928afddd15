package io.cutcheck.sut.marker;

import io.cutcheck.sut.control.CheckpointStatus;
import io.cutcheck.sut.control.CheckpointView;
import io.cutcheck.sut.storage.CheckpointMetadata;
import io.cutcheck.sut.storage.PartInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The snapshots this peer knows, as {@code GET /checkpoints} lists them: those it initiated, in
 * full, and those of other initiators it wrote a part for (reason null, nodes = itself, the status
 * it was told). Thread-safe: the event loop and the writer update it, the control server reads
 * it. A committed snapshot stays committed; one removed by retention is no longer listed.
 */
final class SnapshotBook {

    private final Map<Long, CheckpointView> views = new TreeMap<>();

    /** Lists the committed snapshots found on disk after a restart. */
    synchronized void loadCommitted(Collection<CheckpointMetadata> manifests, java.util.function.LongFunction<String> path) {
        for (CheckpointMetadata m : manifests) {
            views.put(m.id(), new CheckpointView(m.id(), m.reason(), CheckpointStatus.COMMITTED, m.triggeredAt(),
                    m.acksCompleteAt(), m.committedAt(), null, m.partsBytes(), path.apply(m.id()),
                    m.parts().stream().map(PartInfo::node).toList()));
        }
    }

    synchronized void triggered(long id, String reason, long at, List<String> peers) {
        views.put(id, new CheckpointView(id, reason, CheckpointStatus.PENDING, at, null, null, null, 0, null, peers));
    }

    /** This peer's part of another initiator's snapshot is durable. */
    synchronized void partWritten(long id, String node, long bytes, long at) {
        views.putIfAbsent(id, new CheckpointView(id, null, CheckpointStatus.PENDING, at, null, null, null, bytes,
                null, List.of(node)));
    }

    /** The initiator of a snapshot this peer holds a part of said it committed. */
    synchronized void notified(long id, long at) {
        CheckpointView v = views.get(id);
        if (v != null && v.status() == CheckpointStatus.PENDING && v.reason() == null) {
            views.put(id, new CheckpointView(v.id(), null, CheckpointStatus.COMMITTED, v.triggeredAt(), null, at,
                    null, v.sizeBytes(), null, v.nodes()));
        }
    }

    /**
     * Settles what is still pending here once a recovery round named the committed snapshots (every
     * peer halted and drained its writer, so no manifest appears later): committed if some peer
     * holds its manifest, aborted otherwise. Not at the halt: a peer cannot know there whether the
     * initiator made the manifest durable just before it crashed, and {@code aborted} is a promise.
     */
    synchronized void settlePending(Set<Long> committed, long at) {
        views.replaceAll((id, v) -> v.status() != CheckpointStatus.PENDING ? v
                : settled(v, committed.contains(id) ? CheckpointStatus.COMMITTED : CheckpointStatus.ABORTED, at));
    }

    /** {@code v} with its final status, reached at {@code at}; everything else it knew kept. */
    private static CheckpointView settled(CheckpointView v, CheckpointStatus status, long at) {
        boolean committed = status == CheckpointStatus.COMMITTED;
        return new CheckpointView(v.id(), v.reason(), status, v.triggeredAt(), v.acksCompleteAt(),
                committed ? at : null, committed ? null : at, v.sizeBytes(), null, v.nodes());
    }

    synchronized void committed(CheckpointMetadata m, String metadataPath) {
        CheckpointView v = views.get(m.id());
        if (v == null || v.status() != CheckpointStatus.PENDING) {
            return;
        }
        views.put(m.id(), new CheckpointView(v.id(), v.reason(), CheckpointStatus.COMMITTED, v.triggeredAt(),
                m.acksCompleteAt(), m.committedAt(), null, m.partsBytes(), metadataPath, v.nodes()));
    }

    /** Marks a pending snapshot aborted; answers false when it was no longer pending. */
    synchronized boolean aborted(long id, long at) {
        CheckpointView v = views.get(id);
        if (v == null || v.status() != CheckpointStatus.PENDING) {
            return false;
        }
        views.put(id, new CheckpointView(v.id(), v.reason(), CheckpointStatus.ABORTED, v.triggeredAt(),
                v.acksCompleteAt(), null, at, 0, null, v.nodes()));
        return true;
    }

    /** Forgets what retention deleted: every id not in {@code kept} up to {@code upTo}. */
    synchronized void retain(Set<Long> kept, long upTo) {
        views.keySet().removeIf(id -> id <= upTo && !kept.contains(id));
    }

    synchronized List<CheckpointView> list() {
        return new ArrayList<>(views.values());
    }
}
