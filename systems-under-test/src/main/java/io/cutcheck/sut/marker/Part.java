package io.cutcheck.sut.marker;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One peer's part of a global snapshot: its recorded state and, per incoming channel (sender
 * peer), the credit messages recorded in flight on that channel, in order.
 */
public record Part(long snapshot, String initiator, String node, LedgerState state,
                   Map<String, List<Credit>> channels) {

    public Part {
        TreeMap<String, List<Credit>> copy = new TreeMap<>();
        channels.forEach((sender, messages) -> copy.put(sender, List.copyOf(messages)));
        channels = Collections.unmodifiableSortedMap(copy);
    }

    /** The money this part accounts for: balances plus credits recorded in flight towards this peer. */
    public long total() {
        return state.total() + channels.values().stream()
                .flatMap(List::stream).mapToLong(Credit::amount).sum();
    }
}
