package io.cutcheck.sut.marker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Chandy-Lamport algorithm at one peer, without I/O: input transfers, credits and markers go
 * in, effects go to the {@link Outbox}. Confined to the peer's event loop.
 *
 * <p>Rules: the initiator, and any peer on its first marker of a snapshot, records its state and
 * then sends a marker on every outgoing channel; from then on it records each incoming channel's
 * credits until that channel's marker arrives. The part is complete when every incoming channel's
 * marker has arrived. Snapshots are told apart by id, so recordings of concurrent snapshots from
 * different initiators never mix.
 */
public final class MarkerProcessor {

    private final String node;
    private final Set<String> senders;
    private final Ledger ledger;
    private final Outbox outbox;
    private final MarkerDefect defect;
    private final Map<Long, SnapshotRecording> recordings = new LinkedHashMap<>();

    /**
     * @param senders every other peer (each has a FIFO channel into this one)
     * @param defect  the defect variant, or null for the correct algorithm
     */
    public MarkerProcessor(String node, Set<String> senders, Ledger ledger, Outbox outbox, MarkerDefect defect) {
        this.node = node;
        this.senders = Set.copyOf(senders);
        this.ledger = ledger;
        this.outbox = outbox;
        this.defect = defect;
    }

    /** Applies a batch of input transfers in offset order and sends the credits for other peers. */
    public void applyInput(List<Transfer> transfers) {
        for (Transfer transfer : transfers) {
            Ledger.Applied applied = ledger.apply(transfer);
            if (applied.outcome() == Ledger.Outcome.SENT) {
                outbox.credit(applied.destination(), applied.credit());
            }
        }
        // The record-after-forward defect captures its state only here, after more input went out.
        for (SnapshotRecording recording : List.copyOf(recordings.values())) {
            if (!recording.hasState()) {
                recording.recordState(ledger.capture());
                completeIfDone(recording);
            }
        }
    }

    public void onCredit(String sender, Credit credit) {
        ledger.credit(sender, credit);
        for (SnapshotRecording recording : recordings.values()) {
            recording.onCredit(sender, credit);
        }
    }

    /** Starts snapshot {@code snapshot} with this peer as its initiator. */
    public void initiate(long snapshot) {
        begin(snapshot, node, null);
    }

    public void onMarker(String sender, long snapshot, String initiator) {
        SnapshotRecording recording = recordings.get(snapshot);
        if (recording == null) {
            begin(snapshot, initiator, sender);
            return;
        }
        recording.onMarker(sender);
        completeIfDone(recording);
    }

    /** Drops every recording in progress (recovery aborts them). */
    public void abortAll() {
        recordings.clear();
    }

    public Set<Long> inProgress() {
        return Set.copyOf(recordings.keySet());
    }

    public Ledger ledger() {
        return ledger;
    }

    private void begin(long snapshot, String initiator, String closedBy) {
        SnapshotRecording recording = new SnapshotRecording(snapshot, initiator, senders, closedBy,
                defect != MarkerDefect.NO_CHANNEL_STATE);
        recordings.put(snapshot, recording);
        if (defect != MarkerDefect.RECORD_AFTER_FORWARD) {
            recording.recordState(ledger.capture());
        }
        outbox.markers(snapshot, initiator);
        completeIfDone(recording);
    }

    private void completeIfDone(SnapshotRecording recording) {
        if (recording.complete()) {
            recordings.remove(recording.snapshot());
            outbox.partComplete(recording.part(node));
        }
    }
}
