package io.cutcheck.sut.control;

import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle event types of PROTOCOL.md section 2. */
public enum EventType {
    STARTED("started"),
    TRIGGERED("triggered"),
    BARRIER_RECEIVED("barrier-received"),
    MARKER_RECEIVED("marker-received"),
    ALIGNED("aligned"),
    SNAPSHOT_WRITTEN("snapshot-written"),
    ACK_SENT("ack-sent"),
    ACK_RECEIVED("ack-received"),
    COMMITTED("committed"),
    NOTIFIED("notified"),
    ABORTED("aborted"),
    RESTORE_STARTED("restore-started"),
    RESTORED("restored");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
