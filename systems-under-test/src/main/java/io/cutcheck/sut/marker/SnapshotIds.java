package io.cutcheck.sut.marker;

import java.util.function.LongSupplier;

/**
 * Snapshot ids of one initiator: {@code id = seq × 64 + index + 1}, so ids of different initiators
 * never collide and the initiator of any id is known. {@code seq} is the wall clock in ms since
 * 2025-01-01, but always above the last one used, and above every id this peer finds in its data
 * directory at start: ids are not reused across restarts as long as the clock does not step back
 * further than the time a restart takes. A higher id from the same initiator was triggered later.
 */
public final class SnapshotIds {

    public static final int MAX_PEERS = 64;
    private static final long EPOCH_MS = 1_735_689_600_000L;

    private final int index;
    private final LongSupplier clock;
    private long lastSeq;

    /** @param floor the highest id of this initiator already used (0 for none) */
    public SnapshotIds(int index, LongSupplier clock, long floor) {
        if (index < 0 || index >= MAX_PEERS) {
            throw new IllegalArgumentException("peer index must be in 0.." + (MAX_PEERS - 1));
        }
        this.index = index;
        this.clock = clock;
        this.lastSeq = floor <= 0 ? 0 : (floor - 1) / MAX_PEERS;
    }

    public synchronized long next() {
        lastSeq = Math.max(lastSeq + 1, clock.getAsLong() - EPOCH_MS);
        return lastSeq * MAX_PEERS + index + 1;
    }

    /** The index of the peer that initiated snapshot {@code id}. */
    public static int initiatorIndex(long id) {
        return (int) ((id - 1) % MAX_PEERS);
    }
}
