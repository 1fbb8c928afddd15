package io.cutcheck.nemesis.network;

import java.util.Objects;

/**
 * One toxic on one stream of one proxy: {@code upstream} is data the dialer sends, {@code
 * downstream} the data it receives. The toxic's name carries the fault's id, so it is unique on
 * its proxy and a heal removes exactly what its fault added.
 */
public record Placement(String proxy, String stream, String toxicName, LinkToxic toxic) {

    public Placement {
        Objects.requireNonNull(proxy, "proxy");
        if (!stream.equals("upstream") && !stream.equals("downstream")) {
            throw new IllegalArgumentException("stream is upstream or downstream, not " + stream);
        }
        Objects.requireNonNull(toxicName, "toxicName");
        Objects.requireNonNull(toxic, "toxic");
    }
}
