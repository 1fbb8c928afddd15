package io.cutcheck.workloads.stream;

/**
 * Count and sum per key — the operators' state in the stream workload — of a prefix of the
 * input, kept up to date as records are added or taken away. Keys are the input's key numbers.
 */
final class KeyTotals {

    private final long[] counts;
    private final long[] sums;

    KeyTotals(int keys) {
        counts = new long[keys];
        sums = new long[keys];
    }

    void add(int key, long value) {
        counts[key]++;
        sums[key] += value;
    }

    void remove(int key, long value) {
        counts[key]--;
        sums[key] -= value;
    }

    /** {count, sum} of the key, or null when the prefix has no record of it (or the key is -1). */
    long[] get(int key) {
        return key < 0 || counts[key] == 0 ? null : new long[] {counts[key], sums[key]};
    }

    boolean matches(int key, long[] actual) {
        return actual == null ? counts[key] == 0 : counts[key] == actual[0] && sums[key] == actual[1];
    }

    int keys() {
        return counts.length;
    }
}
