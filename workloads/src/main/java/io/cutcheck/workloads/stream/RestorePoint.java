package io.cutcheck.workloads.stream;

import io.cutcheck.harness.checker.Restore;
import io.cutcheck.harness.observe.Observations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a restore made the sources resume reading: the positions of the checkpoint restored (from
 * its fetched content), or offset 0 of every partition for the empty initial state. A checkpoint
 * restored more than once is one point, with the moment its first restore began.
 *
 * @param checkpoint the checkpoint restored, or null for the empty initial state
 * @param positions partition → the offset reading resumed at; empty when the checkpoint's content
 *     was not fetched (a restore from a checkpoint never committed, say), so its positions are unknown
 * @param beganAt when the first restore from it began (node clock)
 */
record RestorePoint(Long checkpoint, Map<Integer, Long> positions, long beganAt) {

    RestorePoint {
        positions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(positions));
    }

    /** Every distinct point restored to, in the order of their first restore. */
    static List<RestorePoint> all(Observations observations, int partitions) {
        Map<String, RestorePoint> points = new LinkedHashMap<>();
        for (Restore restore : Restore.all(observations)) {
            points.computeIfAbsent(String.valueOf(restore.checkpoint()),
                    k -> new RestorePoint(restore.checkpoint(), positions(observations, restore.checkpoint(), partitions),
                            restore.beganAt()));
        }
        return List.copyOf(points.values());
    }

    private static Map<Integer, Long> positions(Observations observations, Long checkpoint, int partitions) {
        Map<Integer, Long> positions = new LinkedHashMap<>();
        if (checkpoint == null) {
            for (int p = 0; p < partitions; p++) {
                positions.put(p, 0L);
            }
            return positions;
        }
        var parts = observations.contents().get(checkpoint);
        if (parts == null) {
            return positions;
        }
        CutContent cut = CutContent.of(parts);
        // parts that disagree name no single place reading resumed at
        return cut.conflict() == null ? cut.positions() : positions;
    }

    /** The position reading resumed at in {@code partition}, or null when unknown. */
    Long position(int partition) {
        return positions.get(partition);
    }

    /** {@code checkpoint 7}, or {@code the empty initial state}. */
    String name() {
        return checkpoint == null ? "the empty initial state" : "checkpoint " + checkpoint;
    }
}
