package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measurements the progress checker reports: per fault, the time from its heal to the next
 * commit and its recovery time (start → first {@code restored} after it and before the next fault
 * starts → next commit);
 * checkpoint durations, trigger to commit (p50, p99, max); and per fault kind the share of
 * checkpoints triggered during such a fault that were aborted ({@code none} for those triggered
 * with no fault active).
 */
final class ProgressStats {

    private ProgressStats() {}

    static Map<String, Object> of(Observations observations, CommitEvidence commits, long[] commitTimes) {
        long[] restoredTimes = observations.events().stream().filter(e -> "restored".equals(e.type()))
                .mapToLong(NodeEvent::time).sorted().toArray();
        List<Map<String, Object>> perFault = new ArrayList<>();
        long[] faultStarts = observations.faults().stream().mapToLong(FaultRecord::startedAt).sorted().toArray();
        for (FaultRecord fault : observations.faults()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", fault.id());
            row.put("kind", fault.kind());
            if (fault.healedAt() != null) {
                long commit = ProgressChecker.firstAtOrAfter(commitTimes, fault.healedAt());
                row.put("firstCommitAfterHealMs", commit == Long.MAX_VALUE ? null : commit - fault.healedAt());
            }
            // a restore counts for this fault only before the next fault starts
            long nextFault = firstAfter(faultStarts, fault.startedAt());
            long restored = ProgressChecker.firstAtOrAfter(restoredTimes, fault.startedAt());
            if (restored != Long.MAX_VALUE && restored < nextFault) {
                long commit = ProgressChecker.firstAtOrAfter(commitTimes, restored);
                row.put("restoredAfterMs", restored - fault.startedAt());
                row.put("recoveryMs", commit == Long.MAX_VALUE ? null : commit - fault.startedAt());
            }
            perFault.add(row);
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("faults", perFault);
        stats.put("checkpointDurationMs", durations(observations, commits));
        stats.put("abortRateByFaultKind", abortRates(observations, commits));
        stats.put("committedCheckpoints", commitTimes.length);
        return stats;
    }

    private static Map<String, Object> durations(Observations observations, CommitEvidence commits) {
        Map<Long, Long> triggered = triggerTimes(observations);
        long[] durations = commits.committed().entrySet().stream()
                .filter(e -> triggered.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, e.getValue() - triggered.get(e.getKey())))
                .sorted().toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", durations.length);
        if (durations.length > 0) {
            out.put("p50", percentile(durations, 50));
            out.put("p99", percentile(durations, 99));
            out.put("max", durations[durations.length - 1]);
        }
        return out;
    }

    private static long firstAfter(long[] sorted, long at) {
        for (long t : sorted) {
            if (t > at) {
                return t;
            }
        }
        return Long.MAX_VALUE;
    }

    /** Nearest-rank percentile of a sorted, non-empty array. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Map<Long, Long> triggerTimes(Observations observations) {
        Map<Long, Long> triggered = new HashMap<>();
        for (CheckpointObservation c : observations.checkpoints()) {
            if (c.triggeredAt() != null) {
                triggered.put(c.id(), c.triggeredAt());
            }
        }
        for (NodeEvent e : observations.events()) {
            if ("triggered".equals(e.type()) && e.checkpoint() != null) {
                triggered.merge(e.checkpoint(), e.time(), Math::min);
            }
        }
        return triggered;
    }

    private static Map<String, Object> abortRates(Observations observations, CommitEvidence commits) {
        Map<Long, Long> triggered = triggerTimes(observations);
        Map<String, long[]> byKind = new TreeMap<>(); // kind → {decided, aborted}
        Long[] ids = triggered.keySet().toArray(Long[]::new);
        Arrays.sort(ids);
        for (long id : ids) {
            boolean aborted = commits.abortedAt(id).isPresent();
            if (!aborted && commits.committedAt(id).isEmpty()) {
                continue; // still pending when the run ended: neither
            }
            long at = triggered.get(id);
            List<String> kinds = new ArrayList<>();
            for (FaultRecord f : observations.faults()) {
                if (f.startedAt() <= at && (f.healedAt() == null || at <= f.healedAt()) && !kinds.contains(f.kind())) {
                    kinds.add(f.kind());
                }
            }
            if (kinds.isEmpty()) {
                kinds.add("none");
            }
            for (String kind : kinds) {
                long[] counts = byKind.computeIfAbsent(kind, k -> new long[2]);
                counts[0]++;
                counts[1] += aborted ? 1 : 0;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        byKind.forEach((kind, c) -> out.put(kind, Map.of("checkpoints", c[0], "aborted", c[1],
                "rate", c[0] == 0 ? 0.0 : (double) c[1] / c[0])));
        return out;
    }
}
