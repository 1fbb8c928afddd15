package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Duplicated records grouped by the two transactions that hold them ({@code
 * duplicated-transaction}): where each record was output first and where again, with the commit
 * status of both checkpoints (a first copy in a transaction of a checkpoint that never committed
 * is output committed ahead of its checkpoint), and, when the repeated offsets start exactly at a
 * position a restore resumed reading at, that restore: reading resumed there and produced them again.
 */
final class DuplicateGroups {

    private DuplicateGroups() {}

    /** The transactions and checkpoints of a record's first output and of its repeat. */
    private record Pair(String firstTxn, String firstCheckpoint, String againTxn, String againCheckpoint) {
        static Pair of(JsonNode first, JsonNode again) {
            return new Pair(first.path("txn").asText("?"), first.path("checkpoint").asText("?"),
                    again.path("txn").asText("?"), again.path("checkpoint").asText("?"));
        }
    }

    static void report(StreamInput input, OutputIndex outputs, CheckpointTrail trail, AnomalyCollector groups) {
        BitSet duplicates = outputs.duplicates();
        Map<Pair, BitSet[]> byPair = new LinkedHashMap<>();
        long total = duplicates.cardinality();
        for (int i = duplicates.nextSetBit(0); i >= 0; i = duplicates.nextSetBit(i + 1)) {
            JsonNode again = outputs.at(i);
            int p = again.path("record").path("partition").asInt();
            int o = again.path("record").path("offset").asInt();
            JsonNode first = outputs.entry(input.index(p, o));
            BitSet[] offsets = byPair.computeIfAbsent(Pair.of(first, again), k -> new BitSet[input.partitions()]);
            if (offsets[p] == null) {
                offsets[p] = new BitSet();
            }
            offsets[p].set(o);
        }
        byPair.forEach((pair, offsets) -> groups.add(group(pair, ranges(offsets), total, trail)));
    }

    private static Anomaly group(Pair pair, List<OffsetRange> ranges, long total, CheckpointTrail trail) {
        long n = OffsetRange.records(ranges);
        String subject = n == total ? (n == 1 ? "The one duplicated record" : "All " + n + " duplicated records")
                : n + " of the " + total + " duplicated records";
        StringBuilder explanation = new StringBuilder(subject).append(" (").append(OffsetRange.list(ranges))
                .append(n == 1 ? ") was" : ") were").append(" output first in txn ").append(pair.firstTxn())
                .append(" for ").append(checkpoint(pair.firstCheckpoint(), trail)).append(", and again in txn ")
                .append(pair.againTxn()).append(" for ").append(checkpoint(pair.againCheckpoint(), trail));
        Map<String, Object> evidence = LossByCheckpoint.evidence(ranges);
        evidence.put("firstTxn", pair.firstTxn());
        evidence.put("firstCheckpoint", pair.firstCheckpoint());
        evidence.put("againTxn", pair.againTxn());
        evidence.put("againCheckpoint", pair.againCheckpoint());
        for (OffsetRange range : ranges) {
            RestoreRelation relation = RestoreRelation.of(range, trail.restorePoints());
            if (relation.kind() == RestoreRelation.Kind.STARTS_AT) {
                explanation.append("; ").append(range).append(" starts exactly at the position ").append(relation.point().name())
                        .append(" restored for partition ").append(range.partition())
                        .append(" (+0): reading resumed there and output them again");
                evidence.put("restoredCheckpoint", relation.point().checkpoint() == null ? "empty initial state"
                        : relation.point().checkpoint());
                break;
            }
        }
        Long again = pair.againCheckpoint().matches("\\d+") ? Long.valueOf(pair.againCheckpoint()) : null;
        return new Anomaly("duplicated-transaction", explanation.append('.').toString(), again, null, evidence);
    }

    /** {@code checkpoint 3, which was never seen committed}. */
    private static String checkpoint(String id, CheckpointTrail trail) {
        if (!id.matches("\\d+")) {
            return "checkpoint " + id;
        }
        String status = trail.status(Long.parseLong(id));
        return "checkpoint " + id + (status.equals("committed") ? ", which committed"
                : status.equals("aborted") ? ", which was aborted" : ", which was never seen committed");
    }

    private static List<OffsetRange> ranges(BitSet[] offsets) {
        List<OffsetRange> ranges = new ArrayList<>();
        for (int p = 0; p < offsets.length; p++) {
            if (offsets[p] != null) {
                ranges.addAll(OffsetRange.of(p, offsets[p]));
            }
        }
        return ranges;
    }
}
