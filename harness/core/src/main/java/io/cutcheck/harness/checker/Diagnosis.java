package io.cutcheck.harness.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where debugging a failed run starts: its anomalies grouped by checker and type, with counts,
 * in the order the results come (cause first, {@link Checker.Stage}), each group with its first
 * anomaly and the checkpoints it involves. Twenty-five thousand duplicated records after one lost
 * commit read as two lines, the lost commit first. Within one checker's result the order is the
 * checker's: one that explains its findings in groups of its own (a lost transaction before the
 * records it held) reports the group first, so the group's explanation is what a diagnosis shows.
 */
public final class Diagnosis {

    /** Checkpoint ids kept per group: enough to see a pattern, few enough for one line. */
    static final int CHECKPOINTS_KEPT = 5;

    /**
     * @param checker the checker that found them
     * @param type the anomaly type
     * @param validity the checker's verdict (INVALID, or UNKNOWN with its reasons)
     * @param count how many anomalies of this type the checker found, those a summary stands for included
     * @param first the first of them, with its evidence
     * @param checkpoints the first distinct checkpoints they name, in order (at most {@value #CHECKPOINTS_KEPT})
     * @param moreCheckpoints whether they name more checkpoints than those
     */
    public record Group(String checker, String type, Validity validity, long count, Anomaly first,
                        List<Long> checkpoints, boolean moreCheckpoints) {
        public Group {
            checkpoints = List.copyOf(checkpoints);
        }
    }

    private Diagnosis() {}

    /** The groups of every result that is not valid, in result order, then first appearance. */
    public static List<Group> of(List<CheckResult> results) {
        List<Group> groups = new ArrayList<>();
        for (CheckResult result : results) {
            if (result.validity() == Validity.VALID) {
                continue;
            }
            Map<String, List<Anomaly>> byType = new LinkedHashMap<>();
            result.anomalies().forEach(a -> byType.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(a));
            byType.forEach((type, anomalies) -> groups.add(group(result, type, anomalies)));
        }
        return List.copyOf(groups);
    }

    private static Group group(CheckResult result, String type, List<Anomaly> anomalies) {
        Set<Long> checkpoints = new LinkedHashSet<>();
        anomalies.stream().map(Anomaly::checkpoint).filter(c -> c != null).forEach(checkpoints::add);
        List<Long> kept = checkpoints.stream().limit(CHECKPOINTS_KEPT).toList();
        long count = anomalies.stream().mapToLong(AnomalyCollector::weight).sum();
        return new Group(result.checker(), type, result.validity(), count, anomalies.get(0), kept,
                checkpoints.size() > kept.size());
    }
}
