package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The committed output matched to the input: for each input record, where its first output is
 * and the count and sum that output carries. Output that names no input record, or names one but
 * with another key or value, and second outputs of a record, are reported while indexing.
 */
final class OutputIndex {

    private final List<JsonNode> output;
    private final int[] firstAt;
    private final long[] counts;
    private final long[] sums;
    /** Positions in the output of second (and later) outputs of a record. */
    private final BitSet duplicates = new BitSet();

    private OutputIndex(List<JsonNode> output, int records) {
        this.output = output;
        this.firstAt = new int[records];
        Arrays.fill(firstAt, -1);
        this.counts = new long[records];
        this.sums = new long[records];
    }

    static OutputIndex of(StreamInput input, List<JsonNode> output, AnomalyCollector anomalies) {
        OutputIndex index = new OutputIndex(output, (int) input.size());
        for (int i = 0; i < output.size(); i++) {
            JsonNode entry = output.get(i);
            JsonNode record = entry.path("record");
            int p = record.path("partition").asInt(-1);
            long o = record.path("offset").asLong(-1);
            if (!input.has(p, o)) {
                anomalies.add(anomaly("phantom-record", "Committed output " + describe(entry)
                        + " names input record " + p + "/" + o + ", which the input log does not hold.", entry, Map.of()));
                continue;
            }
            int offset = (int) o;
            if (!input.key(p, offset).equals(record.path("key").asText()) || input.value(p, offset) != record.path("value").asInt()) {
                anomalies.add(anomaly("corrupt-record", "Committed output " + describe(entry) + " has key "
                        + record.path("key").asText() + " value " + record.path("value").asText() + " but input record "
                        + p + "/" + o + " is key " + input.key(p, offset) + " value " + input.value(p, offset) + ".",
                        entry, Map.of("partition", p, "offset", o)));
                continue;
            }
            int idx = input.index(p, offset);
            if (index.firstAt[idx] >= 0) {
                JsonNode first = output.get(index.firstAt[idx]);
                anomalies.add(anomaly("duplicated-record", "Input record " + p + "/" + o + " (key "
                        + input.key(p, offset) + ") is in the committed output twice: " + describe(first) + " and "
                        + describe(entry) + ".", entry, Map.of("partition", p, "offset", o, "key", input.key(p, offset),
                                "firstOutputSeq", first.path("seq").asLong(-1),
                                "firstCheckpoint", first.path("checkpoint").asLong(-1))));
                index.duplicates.set(i);
                continue;
            }
            index.firstAt[idx] = i;
            index.counts[idx] = record.path("count").asLong(-1);
            index.sums[idx] = record.path("sum").asLong(Long.MIN_VALUE);
        }
        return index;
    }

    /** Positions in the output list of outputs that repeat a record output before them. */
    BitSet duplicates() {
        return (BitSet) duplicates.clone();
    }

    /** The output entry at {@code position} in the output list. */
    JsonNode at(int position) {
        return output.get(position);
    }

    /** Position in the output list of the record's first output, or -1. */
    int firstSeq(int record) {
        return firstAt[record];
    }

    long count(int record) {
        return counts[record];
    }

    long sum(int record) {
        return sums[record];
    }

    JsonNode entry(int record) {
        return output.get(firstAt[record]);
    }

    static String describe(JsonNode entry) {
        return "#" + entry.path("seq").asText("?") + " (txn " + entry.path("txn").asText("?") + ", checkpoint "
                + entry.path("checkpoint").asText("?") + ")";
    }

    private static Anomaly anomaly(String type, String explanation, JsonNode entry, Map<String, Object> more) {
        Map<String, Object> evidence = new java.util.HashMap<>(ExactlyOnceChecker.where(entry));
        evidence.putAll(more);
        Long checkpoint = entry.path("checkpoint").canConvertToLong() ? entry.path("checkpoint").asLong() : null;
        return new Anomaly(type, explanation, checkpoint, null, evidence);
    }
}
