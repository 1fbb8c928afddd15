package io.cutcheck.nemesis.network;

import io.cutcheck.harness.runtime.NodeAddress;
import java.util.Locale;

/** The two ports a node is dialed at (PROTOCOL.md section 1); each directed link gets a proxy per port. */
public enum PortKind {
    /** The HTTP control API: coordinator and recovery calls between nodes. */
    CONTROL,
    /** The data channels: records, barriers, markers, acknowledgements. */
    DATA;

    public int of(NodeAddress address) {
        return this == CONTROL ? address.controlPort() : address.dataPort();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
