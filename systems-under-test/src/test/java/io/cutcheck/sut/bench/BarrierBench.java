package io.cutcheck.sut.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * End-to-end throughput of the barrier system on this host: 2 sources, 2 operators, 1 sink as real
 * processes. Fills the input log, starts the job, and measures records/s reaching the sink's
 * transactions between 10 % and 90 % of the input, with checkpointing off and every 1 s, {@code runs} times
 * each, alternating; prints the medians and the checkpoint durations of all runs.
 * <pre>java -cp "$CP" io.cutcheck.sut.bench.BarrierBench [records] [keys] [runs]</pre>
 * with {@code CP} the shaded jar, this module's test classes and the harness jar (the README's
 * Benchmarks table spells it out).
 */
public final class BarrierBench {
    private BarrierBench() {
    }

    /** One run's numbers. */
    record Result(double recordsPerSecond, List<Long> checkpointMillis) {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_500_000;
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path jar = SutJar.locate();
        System.out.printf("records=%d keys=%d runs=%d topology=2 sources, 2 operators, 1 sink%n", records, keys, runs);
        List<Double> offRates = new ArrayList<>();
        List<Double> onRates = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            // off and on alternate, so a change in the machine's load hits both alike
            Result off = run(jar, records, keys, 0);
            Result on = run(jar, records, keys, 1000);
            offRates.add(off.recordsPerSecond());
            onRates.add(on.recordsPerSecond());
            durations.addAll(on.checkpointMillis());
            if (runs > 1) {
                System.out.printf("run %d: off %,.0f records/s, every 1 s %,.0f records/s, checkpoints p50 %s ms p99 %s ms%n",
                        i, off.recordsPerSecond(), on.recordsPerSecond(), percentileText(on.checkpointMillis(), 50),
                        percentileText(on.checkpointMillis(), 99));
            }
        }
        Collections.sort(durations);
        double off = median(offRates);
        double on = median(onRates);
        String of = runs > 1 ? " (median of " + runs + ")" : "";
        System.out.printf("checkpointing off:     %,.0f records/s%s%n", off, of);
        System.out.printf("checkpoints every 1 s: %,.0f records/s%s (overhead %.1f %%), %d checkpoints%n",
                on, of, 100 * (1 - on / off), durations.size());
        if (!durations.isEmpty()) {
            System.out.printf("checkpoint duration (trigger to commit): p50 %d ms, p99 %d ms%n",
                    percentile(durations, 50), percentile(durations, 99));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String percentileText(List<Long> sorted, int p) {
        return sorted.isEmpty() ? "-" : String.valueOf(percentile(sorted, p));
    }

    static Result run(Path jar, int records, int keys, long intervalMs) throws Exception {
        Path dir = Files.createTempDirectory("cutcheck-bench");
        LocalCluster.Spec spec = new LocalCluster.Spec(2, 2, 1, intervalMs, 0, 10_000, Optional.empty(), Map.of(), List.of());
        try (LocalCluster cluster = new LocalCluster(jar, dir, spec)) {
            cluster.startServices();
            StreamInput.append(cluster.inputLog(), 0, 0, records / 2, keys);
            StreamInput.append(cluster.inputLog(), 1, records / 2, records - records / 2, keys);
            cluster.startNodes();
            JsonHttpClient output = cluster.outputStore();
            long low = records / 10;
            long high = records * 9L / 10;
            long lowAt = 0;
            long deadline = System.currentTimeMillis() + 600_000;
            while (System.currentTimeMillis() < deadline) {
                long staged = output.get("/stats").json().get("staged").asLong();
                long now = System.nanoTime();
                if (lowAt == 0 && staged >= low) {
                    lowAt = now;
                    low = staged;
                }
                if (lowAt != 0 && staged >= high) {
                    double rate = (staged - low) / ((now - lowAt) / 1e9);
                    return new Result(rate, durations(cluster.control("coordinator")));
                }
                Thread.sleep(20);
            }
            throw new IOException("the job did not process " + high + " records within 10 minutes");
        }
    }

    private static List<Long> durations(JsonHttpClient coordinator) throws IOException {
        List<Long> millis = new ArrayList<>();
        for (JsonNode c : coordinator.get("/checkpoints").json()) {
            if ("committed".equals(c.path("status").asText())) {
                millis.add(c.get("committedAt").asLong() - c.get("triggeredAt").asLong());
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
