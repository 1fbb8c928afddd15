package io.cutcheck.sut.barrier;

import io.cutcheck.sut.control.CheckpointStatus;
import io.cutcheck.sut.control.CheckpointView;
import io.cutcheck.sut.control.EventLog;
import io.cutcheck.sut.control.EventType;
import io.cutcheck.sut.storage.CheckpointStore;
import io.cutcheck.sut.storage.PartInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Writes a task's parts on its own thread (the asynchronous half of a snapshot) and acknowledges each
 * durable part to the coordinator; the {@code metadata-before-parts-durable} defect acknowledges first.
 */
final class PartWriter {
    private static final Logger LOG = Logger.getLogger(PartWriter.class.getName());
    private final String node;
    private final CheckpointStore store;
    private final EventLog events;
    private final KnownCheckpoints known;
    private final boolean ackBeforeWrite;
    private final long delayMs;
    private final Consumer<ControlMessage> toCoordinator;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> Threads.daemon(r, "snapshot"));

    PartWriter(String node, CheckpointStore store, EventLog events, KnownCheckpoints known, BarrierDefect defect,
               long delayMs, Consumer<ControlMessage> toCoordinator) {
        this.node = node;
        this.store = store;
        this.events = events;
        this.known = known;
        this.ackBeforeWrite = defect == BarrierDefect.METADATA_BEFORE_PARTS_DURABLE;
        this.delayMs = delayMs;
        this.toCoordinator = toCoordinator;
    }

    /** Queues the part of checkpoint {@code id}; the ack carries {@code ackEpoch}, the epoch the snapshot was taken in. */
    void write(long id, byte[] payload, Map<Integer, Long> positions, long ackEpoch) {
        known.put(new CheckpointView(id, null, CheckpointStatus.PENDING, System.currentTimeMillis(), null, null, null, 0,
                null, List.of(node)));
        thread.submit(() -> {
            try {
                if (ackBeforeWrite) {
                    ack(ackEpoch, id, store.describePart(id, node, payload), positions);
                    Threads.sleep(delayMs);
                    written(id, store.writePart(id, node, payload));
                } else {
                    Threads.sleep(delayMs);
                    PartInfo part = store.writePart(id, node, payload);
                    written(id, part);
                    ack(ackEpoch, id, part, positions);
                }
            } catch (IOException e) {
                LOG.warning("snapshot " + id + " not written: " + e.getMessage());
            }
        });
    }

    /**
     * Returns once every part queued before this call is written or has failed: a restore must
     * not discard the directory of a checkpoint whose part is being written into it.
     */
    void awaitQueued() {
        try {
            thread.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void written(long id, PartInfo part) {
        events.append(EventType.SNAPSHOT_WRITTEN, id, Map.of("bytes", part.sizeBytes()));
        known.update(id, v -> new CheckpointView(v.id(), v.reason(), v.status(), v.triggeredAt(), v.acksCompleteAt(),
                v.committedAt(), v.abortedAt(), part.sizeBytes(), v.metadataPath(), v.nodes()));
    }

    private void ack(long ackEpoch, long id, PartInfo part, Map<Integer, Long> positions) {
        toCoordinator.accept(new ControlMessage.Ack(ackEpoch, id, part, positions));
        events.append(EventType.ACK_SENT, id);
    }
}
