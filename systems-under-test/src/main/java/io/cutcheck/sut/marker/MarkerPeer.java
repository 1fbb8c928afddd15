package io.cutcheck.sut.marker;

import io.cutcheck.sut.control.EventLog;
import io.cutcheck.sut.control.EventType;
import io.cutcheck.sut.control.NodeStatus;
import io.cutcheck.sut.storage.CheckpointMetadata;
import io.cutcheck.sut.storage.CheckpointStore;
import io.cutcheck.sut.storage.CorruptCheckpointException;
import io.cutcheck.sut.storage.PartInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One peer of the marker system: the bank ledger, the marker algorithm, and the commit of the
 * snapshots it initiates. Every method runs on the peer's single event-loop thread ({@link #loop});
 * durable writes run on the single writer thread and post their results back to the loop.
 */
final class MarkerPeer implements Outbox {
    private static final Logger LOG = Logger.getLogger(MarkerPeer.class.getName());

    private final PeerSettings settings;
    private final EventLog events;
    private final CheckpointStore store;
    private final SnapshotBook book;
    private final ExecutorService loop;
    private final ExecutorService writer;
    private final Runnable askForRecovery;

    private volatile long epoch;
    private volatile RecoveryPhase phase = RecoveryPhase.FRESH;
    private volatile Long restoredFrom;
    private MarkerProcessor processor;
    private MeshLinks links = MeshLinks.NONE;
    private final Map<Long, PendingSnapshot> pending = new HashMap<>();
    private final Set<Long> notified = new HashSet<>();
    private long transfersSinceTrigger;
    private volatile long everyRecords;

    MarkerPeer(PeerSettings settings, EventLog events, CheckpointStore store, SnapshotBook book,
               ExecutorService loop, ExecutorService writer, Runnable askForRecovery) {
        this.settings = settings;
        this.events = events;
        this.store = store;
        this.book = book;
        this.loop = loop;
        this.writer = writer;
        this.askForRecovery = askForRecovery;
    }

    void everyRecords(long n) {
        everyRecords = n;
    }

    long epoch() {
        return epoch;
    }

    RecoveryPhase phase() {
        return phase;
    }

    Long restoredFrom() {
        return restoredFrom;
    }

    NodeStatus status() {
        return switch (phase) {
            case FRESH -> NodeStatus.STARTING;
            case RUNNING -> NodeStatus.RUNNING;
            default -> NodeStatus.RECOVERING;
        };
    }

    /** Runs {@code task} on the loop and flushes the channels after it, so frames go out in batches. */
    void post(Runnable task) {
        loop.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "event loop task failed", e);
            } finally {
                links.flush();
            }
        });
    }

    /** Runs {@code task} on the loop, flushes, and waits for its result. */
    <T> T call(java.util.concurrent.Callable<T> task) throws Exception {
        java.util.concurrent.Future<T> future = loop.submit(() -> {
            try {
                return task.call();
            } finally {
                links.flush();
            }
        });
        try {
            return future.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    // ---- input and messages -------------------------------------------------------------

    /** A batch of transfers read from the input log for {@code forEpoch}; stale batches are dropped. */
    void onInput(long forEpoch, List<Transfer> batch) {
        if (forEpoch != epoch || phase != RecoveryPhase.RUNNING || batch.isEmpty()
                || batch.get(0).offset() != processor.ledger().position()) {
            return;
        }
        processor.applyInput(batch);
        transfersSinceTrigger += batch.size();
        long every = everyRecords;
        if (every > 0 && transfersSinceTrigger >= every) {
            transfersSinceTrigger = 0;
            initiate(settings.ids().next(), "records");
        }
    }

    /** A message that arrived on the channel from {@code sender} opened in {@code forEpoch}. */
    void onMessage(String sender, long forEpoch, MeshMessage message) {
        if (forEpoch != epoch || (phase != RecoveryPhase.CONNECTED && phase != RecoveryPhase.RUNNING)) {
            return;
        }
        if (message instanceof MeshMessage.CreditMessage m) {
            processor.onCredit(sender, m.credit());
        } else if (message instanceof MeshMessage.Marker m) {
            events.append(EventType.MARKER_RECEIVED, m.snapshot(), Map.of("channel", sender, "initiator", m.initiator()));
            processor.onMarker(sender, m.snapshot(), m.initiator());
        } else if (message instanceof MeshMessage.Receipt m) {
            onReceipt(new PendingSnapshot.Receipt(new PartInfo(m.node(), m.file(), m.bytes(), m.crc32c()),
                    m.partition(), m.position()), m.snapshot());
        } else if (message instanceof MeshMessage.Committed m) {
            notified.add(m.snapshot());
            events.append(EventType.NOTIFIED, m.snapshot());
            book.notified(m.snapshot(), System.currentTimeMillis());
            retainLater();
        }
    }

    /** A channel of {@code forEpoch} broke: the system must restore globally. */
    void onChannelBroken(String peer, long forEpoch) {
        if (forEpoch == epoch && (phase == RecoveryPhase.CONNECTED || phase == RecoveryPhase.RUNNING)) {
            LOG.warning("channel with " + peer + " broke in epoch " + forEpoch + "; asking for recovery");
            askForRecovery.run();
        }
    }

    // ---- snapshots ----------------------------------------------------------------------

    /** Starts snapshot {@code id} here; answers false when this peer is not running. */
    boolean initiate(long id, String reason) {
        if (phase != RecoveryPhase.RUNNING) {
            return false;
        }
        long now = System.currentTimeMillis();
        PendingSnapshot p = new PendingSnapshot(id, settings.node(), reason, now, Set.copyOf(settings.peers()),
                settings.defect());
        pending.put(id, p);
        book.triggered(id, reason, now, settings.peers());
        events.append(EventType.TRIGGERED, id, Map.of("reason", reason));
        processor.initiate(id);
        if (p.onInitiated() == PendingSnapshot.Decision.WRITE_MANIFEST) {
            pending.remove(id);
            writeManifest(p);
        }
        return true;
    }

    /** Aborts the snapshots this peer initiated that have waited longer than the timeout. */
    void abortOverdue() {
        long now = System.currentTimeMillis();
        // ids first: abort removes from pending, which must not happen while iterating it
        List<Long> overdue = pending.values().stream().filter(p -> now - p.triggeredAt() >= settings.timeoutMs())
                .map(PendingSnapshot::id).toList();
        overdue.forEach(id -> abort(id, "timeout"));
    }

    @Override
    public void credit(String destination, Credit credit) {
        links.send(destination, new MeshMessage.CreditMessage(credit));
    }

    @Override
    public void markers(long snapshot, String initiator) {
        links.sendAll(new MeshMessage.Marker(snapshot, initiator));
    }

    @Override
    public void partComplete(Part part) {
        long forEpoch = epoch;
        writer.execute(() -> {
            if (forEpoch != epoch) {
                return;
            }
            try {
                PartInfo info = store.writePart(part.snapshot(), settings.node(), PartCodec.encode(part));
                events.append(EventType.SNAPSHOT_WRITTEN, part.snapshot(), Map.of("bytes", info.sizeBytes()));
                if (!part.initiator().equals(settings.node())) {
                    book.partWritten(part.snapshot(), settings.node(), info.sizeBytes(), System.currentTimeMillis());
                }
                post(() -> sendReceipt(forEpoch, part, info));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "part of snapshot " + part.snapshot() + " not written", e);
            }
        });
    }

    private void sendReceipt(long forEpoch, Part part, PartInfo info) {
        if (forEpoch != epoch) {
            return;
        }
        events.append(EventType.ACK_SENT, part.snapshot(), Map.of("to", part.initiator()));
        PendingSnapshot.Receipt receipt = new PendingSnapshot.Receipt(info, settings.index(), part.state().position());
        if (part.initiator().equals(settings.node())) {
            onReceipt(receipt, part.snapshot());
        } else {
            links.send(part.initiator(), new MeshMessage.Receipt(part.snapshot(), info.node(), info.file(),
                    info.sizeBytes(), info.crc32c(), receipt.partition(), receipt.position()));
        }
    }

    private void onReceipt(PendingSnapshot.Receipt receipt, long snapshot) {
        PendingSnapshot p = pending.get(snapshot);
        if (p == null) {
            return;
        }
        events.append(EventType.ACK_RECEIVED, snapshot, Map.of("node", receipt.part().node()));
        if (p.onReceipt(receipt, System.currentTimeMillis()) == PendingSnapshot.Decision.WRITE_MANIFEST) {
            pending.remove(snapshot);
            writeManifest(p);
        }
    }

    private void writeManifest(PendingSnapshot p) {
        long forEpoch = epoch;
        writer.execute(() -> {
            // A halt drains this thread before it reports: no manifest is written after it.
            if (forEpoch != epoch) {
                return;
            }
            CheckpointMetadata manifest = p.manifest(System.currentTimeMillis());
            try {
                store.writeMetadata(manifest);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "manifest of snapshot " + p.id() + " not written", e);
                post(() -> abort(p.id(), "manifest write failed: " + e.getMessage()));
                return;
            }
            book.committed(manifest, store.metadataPath(p.id()).toString());
            events.append(EventType.COMMITTED, p.id(), Map.of("bytes", manifest.partsBytes()));
            post(() -> {
                if (forEpoch == epoch) {
                    notified.add(p.id());
                    links.sendAll(new MeshMessage.Committed(p.id()));
                    retainLater();
                }
            });
        });
    }

    private void abort(long id, String cause) {
        pending.remove(id);
        if (book.aborted(id, System.currentTimeMillis())) {
            events.append(EventType.ABORTED, id, Map.of("cause", cause));
        }
    }

    /** Retention on the writer, by {@link Retention}, over the commits this peer knows of. */
    private void retainLater() {
        Set<Long> known = new HashSet<>(notified);
        writer.execute(() -> {
            try {
                store.committed().forEach(m -> known.add(m.id()));
                Retention retention = Retention.plan(known, settings.retain());
                store.retainParts(retention.keep(), retention.deleteUpTo());
                book.retain(retention.keep(), retention.deleteUpTo());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "retention failed", e);
            }
        });
    }

    // ---- recovery steps (the leader drives them, see RecoveryLeader) ---------------------

    /** Stops everything of the current epoch and reports what this peer holds. */
    RestoreChoice.Report halt(long newEpoch) {
        epoch = newEpoch;
        phase = RecoveryPhase.HALTED;
        links.close();
        links = MeshLinks.NONE;
        if (processor != null) {
            processor.abortAll();
        }
        for (Long id : List.copyOf(pending.keySet())) {
            abort(id, "recovery");
        }
        // Every write queued before the halt finishes now; later ones see the new epoch and skip.
        try {
            writer.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException("writer failed: " + e.getMessage(), e);
        }
        // What is still pending here stays pending until the restore step says what committed.
        Set<Long> manifests = new HashSet<>();
        store.committed().forEach(m -> manifests.add(m.id()));
        Set<Long> parts = new HashSet<>();
        for (long id : store.ids()) {
            if (readsIntact(id)) {
                parts.add(id);
            }
        }
        return new RestoreChoice.Report(settings.node(), manifests, notified, parts);
    }

    /** Whether this peer's part of {@code id} exists and passes its own checksum. */
    private boolean readsIntact(long id) {
        if (!store.hasPart(id, settings.node())) {
            return false;
        }
        try {
            store.readPart(id, settings.node(), Optional.empty());
            return true;
        } catch (CorruptCheckpointException e) {
            // offered, it would fail every restore of it; not offered, an older snapshot is chosen
            LOG.warning("not offering part of snapshot " + id + ": " + e.getMessage());
            return false;
        }
    }

    /** Loads the agreed snapshot (null: the initial state) and re-delivers its in-flight credits once. */
    void restore(Long snapshot, Set<Long> committed) throws Exception {
        book.settlePending(committed, System.currentTimeMillis());
        events.append(EventType.RESTORE_STARTED, snapshot);
        LedgerState state;
        Map<String, List<Credit>> inFlight = Map.of();
        if (snapshot == null) {
            state = LedgerState.initial(settings.node(), settings.accounts(), settings.initialBalance());
        } else {
            Part part = PartCodec.decode(store.readPart(snapshot, settings.node(), Optional.empty()));
            state = part.state();
            inFlight = part.channels();
        }
        Ledger ledger = new Ledger(settings.node(), settings.initialBalance(), state);
        inFlight.forEach((sender, credits) -> credits.forEach(c -> ledger.credit(sender, c)));
        processor = new MarkerProcessor(settings.node(), settings.others(), ledger, this, settings.defect());
        notified.clear();
        notified.addAll(committed);
        long floor = snapshot == null ? 0 : snapshot;
        for (long id : store.ids()) {
            if (id > floor && !committed.contains(id)) {
                store.delete(id);      // parts of snapshots the restore abandoned
            }
        }
        restoredFrom = snapshot;
        phase = RecoveryPhase.RESTORED;
        transfersSinceTrigger = 0;
        events.append(EventType.RESTORED, snapshot, Map.of("position", ledger.position()));
        retainLater();
    }

    void connected(MeshLinks newLinks) {
        links = newLinks;
        phase = RecoveryPhase.CONNECTED;
    }

    void start() {
        phase = RecoveryPhase.RUNNING;
    }

    long position() {
        return processor == null ? 0 : processor.ledger().position();
    }

    LedgerState live() {
        return processor == null ? null : processor.ledger().capture();
    }
}
