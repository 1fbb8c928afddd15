package io.cutcheck.sut.marker;

import io.cutcheck.sut.control.CheckpointView;
import io.cutcheck.sut.control.Content;
import io.cutcheck.sut.control.ControlNode;
import io.cutcheck.sut.control.Health;
import io.cutcheck.sut.control.TriggerRejectedException;
import io.cutcheck.sut.control.TriggerSettings;
import io.cutcheck.sut.storage.CheckpointStore;
import io.cutcheck.sut.storage.CorruptCheckpointException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The common control endpoints (PROTOCOL.md section 2) answered for one peer. */
final class MarkerControl implements ControlNode {

    private final PeerSettings settings;
    private final long incarnation;
    private final MarkerPeer peer;
    private final CheckpointStore store;
    private final SnapshotBook book;
    private volatile TriggerSettings triggers;

    MarkerControl(PeerSettings settings, long incarnation, MarkerPeer peer, CheckpointStore store, SnapshotBook book,
                  TriggerSettings triggers) {
        this.settings = settings;
        this.incarnation = incarnation;
        this.peer = peer;
        this.store = store;
        this.book = book;
        this.triggers = triggers;
        peer.everyRecords(triggers.everyRecords());
    }

    @Override
    public Health health() {
        return new Health(1, "marker", settings.node(), "peer", peer.status(), incarnation, peer.restoredFrom());
    }

    @Override
    public List<CheckpointView> checkpoints() {
        return book.list();
    }

    @Override
    public Optional<Content> content(long id) throws CorruptCheckpointException {
        if (!store.hasPart(id, settings.node())) {
            return Optional.empty();
        }
        Part part;
        try {
            part = PartCodec.decode(store.readPart(id, settings.node(), Optional.empty()));
        } catch (java.io.IOException e) {
            throw new CorruptCheckpointException("part of " + id + " is not a marker part: " + e.getMessage());
        }
        return Optional.of(content(part, settings.index()));
    }

    /** The logical encoding of PROTOCOL.md section 6 "bank". */
    static Content content(Part part, int partition) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("balances", part.state().balances());
        state.put("spent", part.state().spent());
        state.put("received", part.state().received());
        Map<String, List<Object>> channels = new LinkedHashMap<>();
        part.channels().forEach((sender, credits) -> channels.put(sender, List.copyOf(credits)));
        return new Content(part.snapshot(), part.node(), Map.of(String.valueOf(partition), part.state().position()),
                state, channels);
    }

    @Override
    public long trigger(String reason) throws TriggerRejectedException {
        long id = settings.ids().next();
        boolean started;
        try {
            started = peer.call(() -> peer.initiate(id, reason));
        } catch (Exception e) {
            throw new TriggerRejectedException("cannot trigger: " + e.getMessage());
        }
        if (!started) {
            throw new TriggerRejectedException("peer " + settings.node() + " is " + peer.status().wire());
        }
        return id;
    }

    @Override
    public TriggerSettings triggers() {
        return triggers;
    }

    @Override
    public TriggerSettings updateTriggers(Long intervalMs, Long everyRecords) {
        triggers = new TriggerSettings(intervalMs == null ? triggers.intervalMs() : intervalMs,
                everyRecords == null ? triggers.everyRecords() : everyRecords);
        peer.everyRecords(triggers.everyRecords());
        return triggers;
    }
}
