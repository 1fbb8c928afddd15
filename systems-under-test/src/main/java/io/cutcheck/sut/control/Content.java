package io.cutcheck.sut.control;

import java.util.List;
import java.util.Map;

/** A node's part of a committed checkpoint in the logical encoding of PROTOCOL.md section 2. */
public record Content(long id, String node, Map<String, Long> positions, Map<String, Object> state,
                      Map<String, List<Object>> channels) {
    public Content {
        positions = Map.copyOf(positions);
        state = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(state));
        channels = Map.copyOf(channels);
    }
}
