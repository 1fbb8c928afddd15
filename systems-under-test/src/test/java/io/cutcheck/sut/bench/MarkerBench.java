package io.cutcheck.sut.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * End-to-end throughput of the marker system on this host: N peers as real processes. Fills the
 * input log, starts the peers, and measures transfers/s consumed (summed over all peers) between
 * 10 % and 90 % of the input, once with snapshots off and once with every peer initiating one
 * every 1 s; then the snapshot duration (trigger to committed manifest) p50 / p99.
 * <pre>java -cp "$CP" io.cutcheck.sut.bench.MarkerBench [transfers-per-peer] [peers]</pre>
 * with {@code CP} the shaded jar, this module's test classes and the harness jar (the README's
 * Benchmarks table spells it out).
 */
public final class MarkerBench {
    private static final int ACCOUNTS = 10;
    private static final int CHUNK = 10_000;

    private MarkerBench() {
    }

    record Result(double transfersPerSecond, List<Long> snapshotMillis) {
    }

    public static void main(String[] args) throws Exception {
        int perPeer = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int peers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path jar = SutJar.locate();
        Result off = run(jar, perPeer, peers, 0);
        Result on = run(jar, perPeer, peers, 1000);
        System.out.printf("transfers=%d peers=%d accounts/peer=%d%n", perPeer * peers, peers, ACCOUNTS);
        System.out.printf("snapshots off:                 %,.0f transfers/s%n", off.transfersPerSecond());
        System.out.printf("snapshots every 1 s per peer:  %,.0f transfers/s (overhead %.1f %%), %d snapshots%n",
                on.transfersPerSecond(), 100 * (1 - on.transfersPerSecond() / off.transfersPerSecond()),
                on.snapshotMillis().size());
        if (!on.snapshotMillis().isEmpty()) {
            System.out.printf("snapshot duration (trigger to committed manifest): p50 %d ms, p99 %d ms%n",
                    percentile(on.snapshotMillis(), 50), percentile(on.snapshotMillis(), 99));
        }
    }

    static Result run(Path jar, int perPeer, int peers, int intervalMs) throws Exception {
        Path dir = Files.createTempDirectory("cutcheck-marker-bench");
        int[] intervals = new int[peers];
        java.util.Arrays.fill(intervals, intervalMs);
        try (MarkerCluster cluster = new MarkerCluster(jar, dir, peers, null, intervals, ACCOUNTS, 1_000_000_000L)) {
            cluster.startInputLog();
            Random random = new Random(1);
            for (int p = 0; p < peers; p++) {
                for (int from = 0; from < perPeer; from += CHUNK) {
                    List<Map<String, Object>> chunk = new ArrayList<>(CHUNK);
                    for (int k = from; k < Math.min(perPeer, from + CHUNK); k++) {
                        Map<String, Object> t = new LinkedHashMap<>();
                        t.put("id", "t-" + p + "-" + k);
                        t.put("from", "peer-" + p + "/" + random.nextInt(ACCOUNTS));
                        t.put("to", "peer-" + random.nextInt(peers) + "/" + random.nextInt(ACCOUNTS));
                        t.put("amount", 1 + random.nextInt(100));
                        chunk.add(t);
                    }
                    cluster.append(p, chunk);
                }
            }
            cluster.startPeers();
            long total = (long) perPeer * peers;
            long low = total / 10;
            long high = total * 9 / 10;
            long lowAt = 0;
            long deadline = System.currentTimeMillis() + 600_000;
            while (System.currentTimeMillis() < deadline) {
                long consumed = consumed(cluster);
                long now = System.nanoTime();
                if (lowAt == 0 && consumed >= low) {
                    lowAt = now;
                    low = consumed;
                }
                if (lowAt != 0 && consumed >= high) {
                    double rate = (consumed - low) / ((now - lowAt) / 1e9);
                    return new Result(rate, durations(cluster));
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the peers did not consume " + high + " transfers within 10 minutes");
        }
    }

    private static long consumed(MarkerCluster cluster) {
        long sum = 0;
        for (int i = 0; i < cluster.peers(); i++) {
            JsonNode balances = cluster.get(i, "/balances");
            sum += balances == null ? 0 : balances.path("positions").path(String.valueOf(i)).asLong();
        }
        return sum;
    }

    private static List<Long> durations(MarkerCluster cluster) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < cluster.peers(); i++) {
            JsonNode list = cluster.get(i, "/checkpoints");
            if (list == null) {
                continue;
            }
            for (JsonNode c : list) {
                if ("committed".equals(c.path("status").asText())) {
                    millis.add(c.get("committedAt").asLong() - c.get("triggeredAt").asLong());
                }
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
