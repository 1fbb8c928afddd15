package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.CommitEvidence;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run observed of checkpoints around its output, to place a lost or duplicated record:
 * which committed checkpoint first promised its output, which transactions of each checkpoint the
 * committed output holds, and where each restore resumed reading. All of it comes from the
 * checkpoint list and events, the fetched checkpoint contents and the output; nothing is assumed
 * about how a system names or fills its transactions.
 *
 * <p>A committed checkpoint whose source position for a partition is past an offset promised the
 * output of that record (its commit makes the output of everything before its barrier durable);
 * of several, the first to commit is the one that promised it first.
 */
final class CheckpointTrail {

    /** Per partition: positions of committed checkpoints, ascending, and from each index on the first to commit. */
    private final long[][] positions;
    private final long[][] firstCommitted;
    private final CommitEvidence commits;
    private final Map<Long, Map<String, Long>> transactions;
    private final List<RestorePoint> restorePoints;

    private CheckpointTrail(long[][] positions, long[][] firstCommitted, CommitEvidence commits,
                            Map<Long, Map<String, Long>> transactions, List<RestorePoint> restorePoints) {
        this.positions = positions;
        this.firstCommitted = firstCommitted;
        this.commits = commits;
        this.transactions = transactions;
        this.restorePoints = restorePoints;
    }

    static CheckpointTrail of(Observations observations, int partitions) {
        CommitEvidence commits = CommitEvidence.of(observations);
        List<List<long[]>> byPartition = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            byPartition.add(new ArrayList<>());
        }
        commits.committed().forEach((id, at) -> {
            Map<String, JsonNode> parts = observations.contents().get(id);
            CutContent cut = parts == null ? null : CutContent.of(parts);
            if (cut == null || cut.conflict() != null) {
                return;
            }
            cut.positions().forEach((p, position) -> {
                if (p >= 0 && p < partitions) {
                    byPartition.get(p).add(new long[] {position, at, id});
                }
            });
        });
        long[][] positions = new long[partitions][];
        long[][] firstCommitted = new long[partitions][];
        for (int p = 0; p < partitions; p++) {
            List<long[]> marks = byPartition.get(p);
            marks.sort(Comparator.comparingLong((long[] m) -> m[0]));
            positions[p] = marks.stream().mapToLong(m -> m[0]).toArray();
            firstCommitted[p] = new long[marks.size()];
            long[] best = null;
            for (int i = marks.size() - 1; i >= 0; i--) {
                long[] m = marks.get(i);
                if (best == null || m[1] < best[1] || (m[1] == best[1] && m[2] < best[2])) {
                    best = m;
                }
                firstCommitted[p][i] = best[2];
            }
        }
        return new CheckpointTrail(positions, firstCommitted, commits, transactions(observations.output()),
                RestorePoint.all(observations, partitions));
    }

    /** checkpoint → transaction → records of it in the committed output, in output order. */
    private static Map<Long, Map<String, Long>> transactions(List<JsonNode> output) {
        Map<Long, Map<String, Long>> byCheckpoint = new HashMap<>();
        for (JsonNode entry : output) {
            if (entry.path("checkpoint").canConvertToLong()) {
                byCheckpoint.computeIfAbsent(entry.path("checkpoint").asLong(), c -> new LinkedHashMap<>())
                        .merge(entry.path("txn").asText("?"), 1L, Long::sum);
            }
        }
        return byCheckpoint;
    }

    /**
     * The first committed checkpoint (by commit time, then id) whose fetched content puts the
     * source of {@code partition} past {@code offset}, or null when none is known to.
     */
    Long promisedBy(int partition, long offset) {
        long[] at = positions[partition];
        // the first position > offset: every checkpoint from there on read past it
        int i = Arrays.binarySearch(at, offset + 1);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && at[i - 1] == offset + 1) {
                i--;
            }
        }
        return i < at.length ? firstCommitted[partition][i] : null;
    }

    /** The transactions of {@code checkpoint} in the committed output, with their record counts. */
    Map<String, Long> transactions(long checkpoint) {
        return transactions.getOrDefault(checkpoint, Map.of());
    }

    /** {@code committed}, {@code aborted}, or {@code never seen committed}. */
    String status(long checkpoint) {
        if (commits.committedAt(checkpoint).isPresent()) {
            return "committed";
        }
        return commits.abortedAt(checkpoint).isPresent() ? "aborted" : "never seen committed";
    }

    List<RestorePoint> restorePoints() {
        return restorePoints;
    }
}
