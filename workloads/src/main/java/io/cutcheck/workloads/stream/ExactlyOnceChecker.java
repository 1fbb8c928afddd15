package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stream exactly-once output (PROTOCOL.md section 6): the committed output holds every record of
 * the input log exactly once, and the counts and sums it carries are those of a valid run.
 *
 * <p>The input log read after the run is the truth of what was appended, so an {@code append}
 * whose outcome was unknown ({@code INFO}) is judged by the log alone and never taken as proof of
 * loss. Records cannot be told apart except by place, so each output record is matched to the
 * input record at its partition and offset.
 *
 * <p>Counts: the records of one key arrive over several partitions, interleaved in an order the
 * system chooses; a valid run gives them the counts 1…n in an order that keeps each partition's
 * offset order, and each record's sum is the sum of the values counted up to it. The first output
 * of each record is judged; a second output of it is a duplicate. Missing records are INVALID
 * after a drain and UNKNOWN otherwise (they may still have been on their way).
 *
 * <p>Lost and duplicated records are reported one by one (the first few of each type, then a
 * count), and, before them, in groups that point at the cause ({@link LossByCheckpoint},
 * {@link LossAtRestore}, {@link DuplicateGroups}): the committed checkpoint whose commit promised
 * the lost output and what the output holds of it, where the lost offsets lie against the
 * positions restores resumed reading at, and the two transactions each duplicate is in. Groups are
 * drawn from the checkpoint list, events, fetched contents and output alone.
 */
public final class ExactlyOnceChecker implements Checker {

    public static final String NAME = "stream-exactly-once";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(Observations observations) {
        if (!observations.collected().isWhole()) {
            return CheckResult.unknown(NAME, observations.collected().missing());
        }
        StreamInput input;
        try {
            input = StreamInput.of(observations.input(), observations.collected().inputPartitions());
        } catch (StreamInput.Unreadable e) {
            return CheckResult.unknown(NAME, e.getMessage());
        }
        AnomalyCollector records = new AnomalyCollector();
        OutputIndex outputs = OutputIndex.of(input, observations.output(), records);
        BitSet[] lost = lost(input, outputs);
        long lostCount = Arrays.stream(lost).mapToLong(BitSet::cardinality).sum();
        if (observations.drained()) {
            reportLost(input, lost, records);
        }
        KeyCounts.check(input, outputs, records);
        AnomalyCollector groups = new AnomalyCollector();
        // before the drain completes the output, a record missing from it is not yet lost
        boolean lostForGood = lostCount > 0 && observations.drained();
        if (lostForGood || !outputs.duplicates().isEmpty()) {
            CheckpointTrail trail = CheckpointTrail.of(observations, input.partitions());
            if (lostForGood) {
                LossByCheckpoint.report(lost, lostCount, trail, groups);
                LossAtRestore.report(lost, trail, groups);
            }
            DuplicateGroups.report(input, outputs, trail, groups);
        }

        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("inputRecords", input.size());
        stats.put("outputRecords", observations.output().size());
        stats.put("lost", lostCount);
        stats.put("duplicated", records.counts().getOrDefault("duplicated-record", 0L));
        Map<String, Long> counts = new HashMap<>(records.counts());
        counts.putAll(groups.counts());
        stats.put("anomalies", counts);
        if (records.isEmpty() && lostCount > 0) {
            return new CheckResult(NAME, Validity.UNKNOWN, List.of(Anomaly.of("not-drained", lostCount
                    + " input records are not in the committed output, but the run did not drain.")), stats);
        }
        // the groups explain the records, so they come first: a diagnosis shows what leads to the cause
        List<Anomaly> anomalies = new ArrayList<>(groups.anomalies());
        anomalies.addAll(records.anomalies());
        return CheckResult.of(NAME, anomalies, stats);
    }

    /** Per partition, the offsets of the input records that are not in the committed output. */
    private static BitSet[] lost(StreamInput input, OutputIndex outputs) {
        BitSet[] lost = new BitSet[input.partitions()];
        for (int p = 0; p < input.partitions(); p++) {
            lost[p] = new BitSet();
            for (int o = 0; o < input.length(p); o++) {
                if (outputs.firstSeq(input.index(p, o)) < 0) {
                    lost[p].set(o);
                }
            }
        }
        return lost;
    }

    private static void reportLost(StreamInput input, BitSet[] lost, AnomalyCollector anomalies) {
        for (int p = 0; p < lost.length; p++) {
            for (int o = lost[p].nextSetBit(0); o >= 0; o = lost[p].nextSetBit(o + 1)) {
                Map<String, Object> evidence = new HashMap<>();
                evidence.put("partition", p);
                evidence.put("offset", o);
                evidence.put("key", input.key(p, o));
                anomalies.add(new Anomaly("lost-record", "Input record " + p + "/" + o + " (key " + input.key(p, o)
                        + ") is not in the committed output after the drain.", null, null, evidence));
            }
        }
    }

    /** Describes an output entry for evidence: its place in the output, transaction and checkpoint. */
    static Map<String, Object> where(JsonNode entry) {
        Map<String, Object> where = new HashMap<>();
        where.put("outputSeq", entry.path("seq").asLong(-1));
        where.put("txn", entry.path("txn").asText(""));
        where.put("checkpoint", entry.path("checkpoint").asLong(-1));
        return where;
    }
}
