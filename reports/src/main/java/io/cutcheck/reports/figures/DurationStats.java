package io.cutcheck.reports.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Summary of a set of durations in ms, nearest-rank percentiles; all zero when empty. */
public record DurationStats(int count, long min, long median, long p95, long p99, long max, double mean) {

    public static DurationStats of(Collection<Long> millis) {
        if (millis.isEmpty()) {
            return new DurationStats(0, 0, 0, 0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        return new DurationStats(sorted.size(), sorted.get(0), rank(sorted, 0.50), rank(sorted, 0.95),
                rank(sorted, 0.99), sorted.get(sorted.size() - 1), mean);
    }

    /** Nearest-rank percentile of an ascending, non-empty list. */
    static long rank(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
