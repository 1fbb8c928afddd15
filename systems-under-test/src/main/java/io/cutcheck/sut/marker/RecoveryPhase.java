package io.cutcheck.sut.marker;

/** Where a peer stands in the recovery rounds of PROTOCOL.md section 8. */
enum RecoveryPhase {
    /** Started, waiting for the recovery leader's first round. */
    FRESH,
    /** Stopped by a halt: no input, no channels, recordings aborted. */
    HALTED,
    /** State loaded from the agreed snapshot, in-flight messages re-delivered. */
    RESTORED,
    /** Outgoing channels of the epoch are open; incoming messages are applied. */
    CONNECTED,
    /** Consuming input and taking snapshots. */
    RUNNING
}
