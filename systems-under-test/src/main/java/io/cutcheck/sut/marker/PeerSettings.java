package io.cutcheck.sut.marker;

import java.util.List;
import java.util.Set;

/** What a peer needs from its node config, checked once at start. */
record PeerSettings(String node, int index, List<String> peers, Set<String> others, int accounts,
                    long initialBalance, MarkerDefect defect, long timeoutMs, int retain,
                    SnapshotIds ids) {
    PeerSettings {
        peers = List.copyOf(peers);
        others = Set.copyOf(others);
    }
}
