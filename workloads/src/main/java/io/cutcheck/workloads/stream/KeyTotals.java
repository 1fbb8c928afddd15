package io.cutcheck.workloads.stream;

import java.util.HashMap;
import java.util.Map;

/**
 * Count and sum per key, the operators' state in the stream workload: what a prefix of the input
 * produces, kept up to date as records are added or taken away.
 */
final class KeyTotals {

    /** key → {count, sum} */
    private final Map<String, long[]> totals = new HashMap<>();

    void add(String key, long value) {
        long[] t = totals.computeIfAbsent(key, k -> new long[2]);
        t[0]++;
        t[1] += value;
    }

    void remove(String key, long value) {
        long[] t = totals.get(key);
        t[0]--;
        t[1] -= value;
        if (t[0] == 0) {
            totals.remove(key);
        }
    }

    /** {count, sum} of the key, or null when it has no records. */
    long[] get(String key) {
        return totals.get(key);
    }

    Map<String, long[]> asMap() {
        return totals;
    }
}
