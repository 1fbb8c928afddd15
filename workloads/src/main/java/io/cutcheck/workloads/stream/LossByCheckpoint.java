package io.cutcheck.workloads.stream;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import io.cutcheck.harness.checker.Detection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Lost records grouped by the committed checkpoint that first promised their output, with what
 * the committed output holds of that checkpoint:
 * <ul>
 *   <li>{@code lost-transaction}: nothing: the checkpoint committed, but no transaction prepared
 *       for it ever reached the committed output;
 *   <li>{@code lost-from-transaction}: the checkpoint's transactions are there, without these records;
 *   <li>{@code lost-range}, per partition: no committed checkpoint whose content was fetched read
 *       past them, so the evidence names no commit that promised them; grouped by offset range.
 * </ul>
 */
final class LossByCheckpoint {

    private static final int TRANSACTIONS_SHOWN = 3;

    private LossByCheckpoint() {}

    static void report(BitSet[] lost, long total, CheckpointTrail trail, AnomalyCollector groups) {
        Map<Long, BitSet[]> byCheckpoint = new TreeMap<>();
        BitSet[] unpromised = new BitSet[lost.length];
        for (int p = 0; p < lost.length; p++) {
            unpromised[p] = new BitSet();
            for (int o = lost[p].nextSetBit(0); o >= 0; o = lost[p].nextSetBit(o + 1)) {
                Long checkpoint = trail.promisedBy(p, o);
                BitSet[] into = checkpoint == null ? unpromised : byCheckpoint.computeIfAbsent(checkpoint, c -> bitSets(lost.length));
                into[p].set(o);
            }
        }
        byCheckpoint.forEach((checkpoint, offsets) -> groups.add(promised(checkpoint, ranges(offsets), total, trail)));
        for (int p = 0; p < unpromised.length; p++) {
            if (!unpromised[p].isEmpty()) {
                List<OffsetRange> ranges = OffsetRange.of(p, unpromised[p]);
                groups.add(new Anomaly("lost-range", subject(ranges, total) + " below the source positions of no committed"
                        + " checkpoint whose content was fetched, so no commit is known to have promised the output of "
                        + them(ranges) + ".",
                        null, null, lostEvidence(ranges)));
            }
        }
    }

    private static Anomaly promised(long checkpoint, List<OffsetRange> ranges, long total, CheckpointTrail trail) {
        Map<String, Long> transactions = trail.transactions(checkpoint);
        String lead = subject(ranges, total) + " below the source positions of checkpoint " + checkpoint
                + ", which committed, so its commit promised the output of " + them(ranges) + "; ";
        Map<String, Object> evidence = lostEvidence(ranges);
        evidence.put("checkpoint", checkpoint);
        evidence.put("transactionsInOutput", transactions.entrySet().stream().limit(20)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new)));
        if (transactions.isEmpty()) {
            return new Anomaly("lost-transaction", lead + "the committed output holds no transaction prepared for checkpoint "
                    + checkpoint + ".", checkpoint, null, evidence);
        }
        long held = transactions.values().stream().mapToLong(Long::longValue).sum();
        String shown = transactions.entrySet().stream().limit(TRANSACTIONS_SHOWN)
                .map(t -> "txn " + t.getKey() + ": " + t.getValue()).collect(Collectors.joining(", "))
                + (transactions.size() > TRANSACTIONS_SHOWN ? ", …" : "");
        return new Anomaly("lost-from-transaction", lead + "the committed output holds " + held + " records of checkpoint "
                + checkpoint + " (" + shown + "), but not these.", checkpoint, null, evidence);
    }

    /** {@code All 733 lost records (0/120-0/480, 1/100-1/472) are}, or {@code 12 of the 733 lost records (…) are}. */
    static String subject(List<OffsetRange> ranges, long total) {
        long n = OffsetRange.records(ranges);
        String which = n == total ? (n == 1 ? "The one lost record" : "All " + n + " lost records")
                : n + " of the " + total + " lost records";
        return which + " (" + OffsetRange.list(ranges) + ") " + (n == 1 ? "is" : "are");
    }

    private static String them(List<OffsetRange> ranges) {
        return OffsetRange.records(ranges) == 1 ? "it" : "them";
    }

    /** Evidence of a group of lost records: they are known lost only once the drain completed the output. */
    static Map<String, Object> lostEvidence(List<OffsetRange> ranges) {
        Map<String, Object> evidence = evidence(ranges);
        evidence.put(Detection.AFTER_DRAIN, true);
        return evidence;
    }

    static Map<String, Object> evidence(List<OffsetRange> ranges) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("records", OffsetRange.records(ranges));
        evidence.put("ranges", OffsetRange.evidence(ranges));
        evidence.put("rangeCount", ranges.size());
        return evidence;
    }

    private static List<OffsetRange> ranges(BitSet[] offsets) {
        List<OffsetRange> ranges = new ArrayList<>();
        for (int p = 0; p < offsets.length; p++) {
            ranges.addAll(OffsetRange.of(p, offsets[p]));
        }
        return ranges;
    }

    private static BitSet[] bitSets(int n) {
        BitSet[] sets = new BitSet[n];
        for (int i = 0; i < n; i++) {
            sets[i] = new BitSet();
        }
        return sets;
    }
}
