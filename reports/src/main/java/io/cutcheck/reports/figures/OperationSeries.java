package io.cutcheck.reports.figures;

import io.cutcheck.harness.history.OpType;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput and latency over time: completed operations counted in fixed buckets of wall time
 * by outcome, and the latency percentiles of the operations completed in each bucket.
 *
 * @param bucketMs bucket width, chosen so a run spans about {@link #TARGET_BUCKETS} buckets
 * @param buckets consecutive buckets from the run's start, empty ones included
 */
public record OperationSeries(long bucketMs, List<Bucket> buckets) {

    static final int TARGET_BUCKETS = 150;
    private static final long[] NICE_WIDTHS = {100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000};

    /**
     * @param startMs bucket start, ms after the run's start
     * @param ok number of OK completions; likewise {@code fail} and {@code info}
     * @param p50Ms median latency of the bucket's completions (0 when empty); likewise p95 and max
     */
    public record Bucket(long startMs, int ok, int fail, int info, double p50Ms, double p95Ms, double maxMs) {}

    public OperationSeries {
        buckets = List.copyOf(buckets);
    }

    public static OperationSeries of(Operations operations, RunWindow window) {
        long width = widthFor(window.durationMs());
        int count = (int) (window.durationMs() / width) + 1;
        List<List<OperationSample>> byBucket = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byBucket.add(new ArrayList<>());
        }
        for (OperationSample sample : operations.completed()) {
            int index = (int) ((sample.completedAt() - window.start()) / width);
            if (index >= 0 && index < count) {
                byBucket.get(index).add(sample);
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buckets.add(bucket(i * width, byBucket.get(i)));
        }
        return new OperationSeries(width, buckets);
    }

    static long widthFor(long durationMs) {
        for (long width : NICE_WIDTHS) {
            if (durationMs / width <= TARGET_BUCKETS) {
                return width;
            }
        }
        return Math.max(60_000, durationMs / TARGET_BUCKETS);
    }

    private static Bucket bucket(long startMs, List<OperationSample> samples) {
        double[] latencies = samples.stream().mapToDouble(OperationSample::latencyMs).sorted().toArray();
        return new Bucket(startMs, count(samples, OpType.OK), count(samples, OpType.FAIL), count(samples, OpType.INFO),
                quantile(latencies, 0.50), quantile(latencies, 0.95),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1]);
    }

    private static int count(List<OperationSample> samples, OpType outcome) {
        return (int) samples.stream().filter(s -> s.outcome() == outcome).count();
    }

    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
