package io.cutcheck.workloads.stream;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.AnomalyCollector;
import java.util.HashMap;
import java.util.Map;

/**
 * Judges the counts and sums of the output, key by key. For a key with n input records, the
 * first outputs of its records must carry the counts 1…n, each once, rising along each
 * partition's offsets (so some interleaving of the partitions explains them), and the record
 * with count c must carry the sum of the values of the records counted 1…c.
 */
final class KeyCounts {

    private KeyCounts() {}

    static void check(StreamInput input, OutputIndex outputs, AnomalyCollector anomalies) {
        // per key: input record index (+1) by count - 1
        int[] records = new int[input.keys()];
        for (int p = 0; p < input.partitions(); p++) {
            for (int o = 0; o < input.length(p); o++) {
                records[input.keyId(p, o)]++;
            }
        }
        int[][] byCount = new int[input.keys()][];
        for (int k = 0; k < byCount.length; k++) {
            byCount[k] = new int[records[k]];
        }
        for (int p = 0; p < input.partitions(); p++) {
            long[] lastCount = new long[input.keys()];
            int[] lastOffset = new int[input.keys()];
            for (int o = 0; o < input.length(p); o++) {
                int idx = input.index(p, o);
                if (outputs.firstSeq(idx) < 0) {
                    continue;
                }
                int k = input.keyId(p, o);
                String key = input.keyName(k);
                long count = outputs.count(idx);
                int[] slots = byCount[k];
                if (count < 1 || count > slots.length) {
                    anomalies.add(wrong("count-out-of-range", "Output of " + p + "/" + o + " gives key " + key + " count "
                            + count + ", but the key has " + slots.length + " input records.", input, outputs, p, o));
                    continue;
                }
                if (slots[(int) count - 1] != 0) {
                    int other = slots[(int) count - 1] - 1;
                    anomalies.add(wrong("count-repeated", "Key " + key + ": the outputs of input records "
                            + input.partitionOf(other) + "/" + input.offsetOf(other) + " and " + p + "/" + o
                            + " both carry count " + count + ".", input, outputs, p, o));
                    continue;
                }
                slots[(int) count - 1] = idx + 1;
                long before = lastCount[k];
                if (before > count) {
                    anomalies.add(wrong("count-out-of-order", "Key " + key + ": record " + p + "/" + o + " got count "
                            + count + " after record " + p + "/" + lastOffset[k] + " of the same partition got "
                            + before + ".", input, outputs, p, o));
                }
                lastCount[k] = count;
                lastOffset[k] = o;
            }
        }
        for (int k = 0; k < byCount.length; k++) {
            checkSums(input.keyName(k), byCount[k], input, outputs, anomalies);
        }
    }

    /** Walks the key's counts in order while they have no gap, summing values. */
    private static void checkSums(String key, int[] slots, StreamInput input, OutputIndex outputs, AnomalyCollector anomalies) {
        long sum = 0;
        for (int c = 0; c < slots.length && slots[c] != 0; c++) {
            int idx = slots[c] - 1;
            int p = input.partitionOf(idx);
            int o = input.offsetOf(idx);
            sum += input.value(p, o);
            if (outputs.sum(idx) != sum) {
                anomalies.add(wrong("wrong-sum", "Key " + key + ": the record counted " + (c + 1) + " carries sum "
                        + outputs.sum(idx) + ", but the values counted up to it add up to " + sum + ".",
                        input, outputs, p, o));
                return;
            }
        }
    }

    private static Anomaly wrong(String type, String explanation, StreamInput input, OutputIndex outputs, int p, int o) {
        int idx = input.index(p, o);
        Map<String, Object> evidence = new HashMap<>(ExactlyOnceChecker.where(outputs.entry(idx)));
        evidence.put("partition", p);
        evidence.put("offset", o);
        evidence.put("key", input.key(p, o));
        evidence.put("count", outputs.count(idx));
        evidence.put("sum", outputs.sum(idx));
        return new Anomaly(type, explanation, (Long) evidence.get("checkpoint"), null, evidence);
    }
}
