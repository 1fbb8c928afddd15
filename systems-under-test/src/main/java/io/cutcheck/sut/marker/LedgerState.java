package io.cutcheck.sut.marker;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable copy of a peer's bank state: what a snapshot records and a restore loads.
 *
 * @param balances the peer's own accounts and their balances
 * @param spent    per own account, the amounts of the transfers accepted from it so far (the
 *                 acceptance rule needs it; credits never count towards what may be spent)
 * @param received per sender peer, how many credit messages from it were applied
 * @param position the next offset to read in the peer's own input partition
 */
public record LedgerState(Map<String, Long> balances, Map<String, Long> spent,
                          Map<String, Long> received, long position) {

    public LedgerState {
        balances = Collections.unmodifiableSortedMap(new TreeMap<>(balances));
        spent = Collections.unmodifiableSortedMap(new TreeMap<>(spent));
        received = Collections.unmodifiableSortedMap(new TreeMap<>(received));
    }

    /** The state before any input: every account at {@code initialBalance}, nothing spent or received. */
    public static LedgerState initial(String node, int accounts, long initialBalance) {
        Map<String, Long> balances = new TreeMap<>();
        Map<String, Long> spent = new TreeMap<>();
        for (int a = 0; a < accounts; a++) {
            balances.put(node + "/" + a, initialBalance);
            spent.put(node + "/" + a, 0L);
        }
        return new LedgerState(balances, spent, Map.of(), 0);
    }

    public long total() {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }
}
