package io.cutcheck.sut.marker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One snapshot in progress at one peer: the recorded local state and the recording of every
 * incoming channel whose marker has not arrived yet. Several recordings (of snapshots started by
 * different initiators) may be open at once; each only sees its own markers.
 */
final class SnapshotRecording {

    private final long snapshot;
    private final String initiator;
    private final boolean recordChannels;
    private final Set<String> open;
    private final Map<String, List<Credit>> recorded = new HashMap<>();
    private LedgerState state;

    /**
     * @param senders        every peer with a channel into this one
     * @param closedBy       the sender whose marker started this recording, or null at the initiator
     * @param recordChannels false only for the {@code no-channel-state} defect
     */
    SnapshotRecording(long snapshot, String initiator, Set<String> senders, String closedBy,
                      boolean recordChannels) {
        this.snapshot = snapshot;
        this.initiator = initiator;
        this.recordChannels = recordChannels;
        this.open = new HashSet<>(senders);
        for (String sender : senders) {
            recorded.put(sender, new ArrayList<>());
        }
        if (closedBy != null) {
            open.remove(closedBy);
        }
    }

    long snapshot() {
        return snapshot;
    }

    boolean hasState() {
        return state != null;
    }

    void recordState(LedgerState state) {
        this.state = state;
    }

    /** A credit arrived from {@code sender} after this recording began: in flight at the cut while its channel is open. */
    void onCredit(String sender, Credit credit) {
        if (recordChannels && open.contains(sender)) {
            recorded.get(sender).add(credit);
        }
    }

    /** The marker of this snapshot arrived from {@code sender}: that channel's recording ends. */
    void onMarker(String sender) {
        open.remove(sender);
    }

    boolean complete() {
        return state != null && open.isEmpty();
    }

    Part part(String node) {
        return new Part(snapshot, initiator, node, state, recorded);
    }
}
