package io.cutcheck.workloads.stream;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import io.cutcheck.harness.checker.Restore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lost offset ranges against the positions restores resumed reading at ({@link RestoreRelation}),
 * so that records dropped as a restore resumed and records dropped while the system ran read as
 * two different explanations:
 * <ul>
 *   <li>{@code lost-after-restore}, per restore point: ranges that start exactly at the position it
 *       restored (+0);
 *   <li>{@code lost-skipped-by-restore}, per restore point: ranges that end right before the
 *       position it restored: reading resumed past them;
 *   <li>{@code lost-while-running}: ranges that start at no restored position, each with its
 *       distance from the nearest one before it.
 * </ul>
 * Nothing is said when no restore was observed: there is no restore to relate the ranges to.
 */
final class LossAtRestore {

    private LossAtRestore() {}

    static void report(BitSet[] lost, CheckpointTrail trail, AnomalyCollector groups) {
        List<RestorePoint> points = trail.restorePoints();
        if (points.isEmpty()) {
            return;
        }
        Map<RestorePoint, List<OffsetRange>> startsAt = new LinkedHashMap<>();
        Map<RestorePoint, List<OffsetRange>> endsBefore = new LinkedHashMap<>();
        Map<OffsetRange, RestoreRelation> apart = new LinkedHashMap<>();
        for (int p = 0; p < lost.length; p++) {
            for (OffsetRange range : OffsetRange.of(p, lost[p])) {
                RestoreRelation relation = RestoreRelation.of(range, points);
                switch (relation.kind()) {
                    case STARTS_AT -> startsAt.computeIfAbsent(relation.point(), k -> new ArrayList<>()).add(range);
                    case ENDS_BEFORE -> endsBefore.computeIfAbsent(relation.point(), k -> new ArrayList<>()).add(range);
                    case APART -> apart.put(range, relation);
                }
            }
        }
        startsAt.forEach((point, ranges) -> groups.add(atPoint("lost-after-restore", point, ranges, "start exactly at",
                " (+0): the records right after where reading resumed never reached the output.")));
        endsBefore.forEach((point, ranges) -> groups.add(atPoint("lost-skipped-by-restore", point, ranges,
                "end right before", ": reading resumed past them, and their output never committed.")));
        if (!apart.isEmpty()) {
            groups.add(whileRunning(apart));
        }
    }

    private static Anomaly atPoint(String type, RestorePoint point, List<OffsetRange> ranges, String where, String meaning) {
        List<Integer> partitions = ranges.stream().map(OffsetRange::partition).distinct().toList();
        String positions = partitions.size() == 1 ? "the position " : "the positions ";
        String explanation = "Lost offsets " + OffsetRange.list(ranges) + " " + where + " " + positions + point.name()
                + " restored for " + partitions(partitions) + meaning;
        Map<String, Object> evidence = LossByCheckpoint.lostEvidence(ranges);
        evidence.put("restoredCheckpoint", point.checkpoint() == null ? "empty initial state" : point.checkpoint());
        evidence.put("restoredPositions", point.positions());
        evidence.put(Restore.BEGAN_AT, point.beganAt());
        return new Anomaly(type, explanation, point.checkpoint(), null, evidence);
    }

    private static Anomaly whileRunning(Map<OffsetRange, RestoreRelation> apart) {
        List<OffsetRange> ranges = List.copyOf(apart.keySet());
        String shown = ranges.stream().limit(OffsetRange.SHOWN)
                .map(r -> r + " (" + apart.get(r).describeApart(r) + ")").collect(Collectors.joining(", "))
                + (ranges.size() > OffsetRange.SHOWN ? " and " + (ranges.size() - OffsetRange.SHOWN) + " more ranges" : "");
        Map<String, Object> evidence = LossByCheckpoint.lostEvidence(ranges);
        evidence.put("distances", ranges.stream().limit(20).map(r -> r + " " + apart.get(r).describeApart(r)).toList());
        return new Anomaly("lost-while-running", "Lost offsets " + shown + " start at no restored position:"
                + " dropped while the system ran, not where a restore resumed reading.", null, null, evidence);
    }

    /** {@code partition 0}, {@code partitions 0 and 1}, {@code partitions 0, 1 and 3}. */
    static String partitions(List<Integer> partitions) {
        if (partitions.size() == 1) {
            return "partition " + partitions.get(0);
        }
        List<String> names = partitions.stream().map(String::valueOf).toList();
        return "partitions " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
