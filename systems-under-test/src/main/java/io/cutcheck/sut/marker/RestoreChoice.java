package io.cutcheck.sut.marker;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which snapshot every peer restores, decided by the recovery leader from what each halted peer
 * reported. Correct rule: the newest snapshot that has a durable manifest at some peer and an
 * intact part at every peer (a halted peer reports only parts that pass their checksum), the same
 * for all; none (the empty initial state, input from offset 0) when no
 * snapshot qualifies.
 */
public final class RestoreChoice {

    /**
     * What one halted peer holds: the manifests and parts on its disk, and the commits it was
     * notified of since it started (kept in memory only).
     */
    public record Report(String node, Set<Long> manifests, Set<Long> notified, Set<Long> parts) {
        public Report {
            manifests = Set.copyOf(manifests);
            notified = Set.copyOf(notified);
            parts = Set.copyOf(parts);
        }
    }

    private RestoreChoice() {
    }

    /** Per peer, the snapshot id to restore, or null for the initial state. */
    public static Map<String, Long> choose(Map<String, Report> reports, MarkerDefect defect) {
        Map<String, Long> choice = new TreeMap<>();
        if (defect == MarkerDefect.RESTORE_MIXED_SNAPSHOTS) {
            // Each peer on its own knowledge: a restarted peer forgot the commits it was told of.
            reports.forEach((node, report) -> choice.put(node, report.parts().stream()
                    .filter(id -> report.manifests().contains(id) || report.notified().contains(id))
                    .max(Long::compare).orElse(null)));
            return choice;
        }
        Set<Long> committed = new HashSet<>();
        reports.values().forEach(r -> committed.addAll(r.manifests()));
        Long chosen = committed.stream()
                .filter(id -> reports.values().stream().allMatch(r -> r.parts().contains(id)))
                .max(Long::compare).orElse(null);
        reports.keySet().forEach(node -> choice.put(node, chosen));
        return choice;
    }

    /** Every committed id any peer reported, for retention after the restore. */
    public static Set<Long> committed(Map<String, Report> reports) {
        Set<Long> committed = new HashSet<>();
        reports.values().forEach(r -> committed.addAll(r.manifests()));
        return committed;
    }
}
