package io.cutcheck.sut.marker;

import java.util.Arrays;
import java.util.Optional;

/**
 * The deliberate defect variants of the marker system, chosen by the node-config {@code defect}
 * field. The storage-level defects (such as {@code manifest-without-dir-fsync}) belong to the
 * shared storage layer and are accepted there.
 */
public enum MarkerDefect {
    NO_CHANNEL_STATE("no-channel-state",
            "snapshots record no channel state, so money in flight at the cut is lost"),
    RECORD_AFTER_FORWARD("record-after-forward",
            "a peer records its state after forwarding markers and applying more input, so post-cut messages leak in"),
    MANIFEST_BEFORE_PARTS_DURABLE("manifest-before-parts-durable",
            "the initiator writes the manifest as soon as it has recorded its own state, before any part is durable"),
    RESTORE_MIXED_SNAPSHOTS("restore-mixed-snapshots",
            "on recovery every peer restores the newest snapshot it knows committed, without agreeing on one");

    private final String flag;
    private final String description;

    MarkerDefect(String flag, String description) {
        this.flag = flag;
        this.description = description;
    }

    public String flag() {
        return flag;
    }

    public String description() {
        return description;
    }

    /** The defect named by {@code flag}, or empty when the flag names none of the marker system's. */
    public static Optional<MarkerDefect> byFlag(String flag) {
        return Arrays.stream(values()).filter(d -> d.flag.equals(flag)).findFirst();
    }
}
