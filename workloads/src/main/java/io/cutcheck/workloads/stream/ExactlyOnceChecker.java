package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
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
        AnomalyCollector anomalies = new AnomalyCollector();
        OutputIndex outputs = OutputIndex.of(input, observations.output(), anomalies);
        long lost = reportLost(input, outputs, observations.drained(), anomalies);
        KeyCounts.check(input, outputs, anomalies);

        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("inputRecords", input.size());
        stats.put("outputRecords", observations.output().size());
        stats.put("lost", lost);
        stats.put("duplicated", anomalies.counts().getOrDefault("duplicated-record", 0L));
        stats.put("anomalies", anomalies.counts());
        if (anomalies.isEmpty() && lost > 0) {
            return new CheckResult(NAME, Validity.UNKNOWN, List.of(Anomaly.of("not-drained", lost
                    + " input records are not in the committed output, but the run did not drain.")), stats);
        }
        return CheckResult.of(NAME, anomalies.anomalies(), stats);
    }

    private static long reportLost(StreamInput input, OutputIndex outputs, boolean drained, AnomalyCollector anomalies) {
        long lost = 0;
        for (int p = 0; p < input.partitions(); p++) {
            for (int o = 0; o < input.length(p); o++) {
                if (outputs.firstSeq(input.index(p, o)) >= 0) {
                    continue;
                }
                lost++;
                if (drained) {
                    Map<String, Object> evidence = new HashMap<>();
                    evidence.put("partition", p);
                    evidence.put("offset", o);
                    evidence.put("key", input.key(p, o));
                    anomalies.add(new Anomaly("lost-record", "Input record " + p + "/" + o + " (key " + input.key(p, o)
                            + ") is not in the committed output after the drain.", null, null, evidence));
                }
            }
        }
        return lost;
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
