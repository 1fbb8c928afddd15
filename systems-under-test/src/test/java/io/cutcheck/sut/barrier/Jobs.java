package io.cutcheck.sut.barrier;

import io.cutcheck.sut.bench.LocalCluster;
import io.cutcheck.sut.bench.StreamInput;
import io.cutcheck.sut.http.JsonHttpClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Shared steps of the barrier integration tests. */
final class Jobs {
    static final Path JAR = Path.of("target", "cutcheck-sut.jar").toAbsolutePath();

    private Jobs() {
    }

    static LocalCluster.Spec spec(long intervalMs, Optional<String> defect, Map<String, Map<String, Object>> options) {
        // C1 only: the tests start many short-lived JVMs on a small machine, where start-up time dominates
        return new LocalCluster.Spec(2, 2, 1, intervalMs, 0, 10_000, defect, options,
                java.util.List.of("-XX:TieredStopAtLevel=1"));
    }

    /** Appends {@code perPartition} records to each of the 2 partitions in chunks, pausing between chunks. */
    static void feed(LocalCluster cluster, long start, int perPartition, int chunk, long pauseMs) throws Exception {
        for (int done = 0; done < perPartition; done += chunk) {
            int n = Math.min(chunk, perPartition - done);
            StreamInput.append(cluster.inputLog(), 0, (start + done) * 2, n, 200);
            StreamInput.append(cluster.inputLog(), 1, (start + done) * 2 + 1, n, 200);
            Thread.sleep(pauseMs);
        }
    }

    static long committedOutput(LocalCluster cluster) throws Exception {
        return cluster.outputStore().get("/stats").json().get("committed").asLong();
    }

    static void awaitCommittedOutput(LocalCluster cluster, long atLeast, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (committedOutput(cluster) < atLeast) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("committed output stuck at " + committedOutput(cluster) + " < " + atLeast);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the committed output has not grown for {@code quietMs} (or the timeout passes). */
    static long awaitQuiet(LocalCluster cluster, long quietMs, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        long last = -1;
        long since = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            long now = committedOutput(cluster);
            if (now != last) {
                last = now;
                since = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - since >= quietMs) {
                return now;
            }
            Thread.sleep(100);
        }
        return last;
    }

    /**
     * Waits until the newest committed checkpoint's source positions reach {@code ends} (all input is
     * behind a committed cut), then a little for the sink to commit on the notice.
     */
    static void awaitDrained(LocalCluster cluster, long[] ends, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            try {
                long newest = -1;
                for (com.fasterxml.jackson.databind.JsonNode c : coordinator(cluster).get("/checkpoints").json()) {
                    if (c.get("status").asText().equals("committed")) {
                        newest = Math.max(newest, c.get("id").asLong());
                    }
                }
                if (newest > 0) {
                    com.fasterxml.jackson.databind.JsonNode positions =
                            coordinator(cluster).get("/checkpoints/" + newest + "/content").json().get("positions");
                    boolean drained = true;
                    for (int p = 0; p < ends.length; p++) {
                        drained &= positions.path(String.valueOf(p)).asLong(-1) >= ends[p];
                    }
                    if (drained) {
                        awaitQuiet(cluster, 700, 5000);
                        return;
                    }
                }
            } catch (java.io.IOException e) {
                // coordinator restarting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("input not drained within " + timeoutMs + " ms");
    }

    static JsonHttpClient coordinator(LocalCluster cluster) {
        return cluster.control("coordinator");
    }
}
