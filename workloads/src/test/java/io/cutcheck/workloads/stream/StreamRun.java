package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made stream observations: an input log, a correct output made by reading the partitions
 * round-robin, and committed checkpoints whose content is the correct cut at chosen positions.
 * Tests then break one thing and expect the checker to notice.
 */
final class StreamRun {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final Map<Integer, List<JsonNode>> input = new LinkedHashMap<>();
    final List<JsonNode> output = new ArrayList<>();
    final List<CheckpointObservation> checkpoints = new ArrayList<>();
    final Map<Long, Map<String, JsonNode>> contents = new HashMap<>();
    final List<NodeEvent> events = new ArrayList<>();
    boolean drained = true;
    /** What the harness read from its services; by default every partition of {@link #input}, whole. */
    Collected collected;

    /** Partition p holds {@code records[p]}: "key:value" strings, in offset order. */
    static StreamRun of(String[]... records) {
        StreamRun run = new StreamRun();
        for (int p = 0; p < records.length; p++) {
            List<JsonNode> log = new ArrayList<>();
            for (int o = 0; o < records[p].length; o++) {
                String[] kv = records[p][o].split(":");
                log.add(JSON.objectNode().put("offset", o).put("key", kv[0]).put("value", Integer.parseInt(kv[1])));
            }
            run.input.put(p, log);
        }
        run.output.addAll(run.correctOutput());
        return run;
    }

    /**
     * {@code partitions} partitions of {@code length} records each, keys k0…k2 in turn, value 1. Its
     * correct output puts offsets 2(c−1) and 2c−1 of every partition in checkpoint c's transaction
     * (for two partitions), so {@link #checkpointsEveryTwoOffsets} is its matching trail.
     */
    static StreamRun uniform(int partitions, int length) {
        String[][] records = new String[partitions][length];
        for (String[] partition : records) {
            for (int o = 0; o < length; o++) {
                partition[o] = "k" + (o % 3) + ":1";
            }
        }
        return of(records);
    }

    /** Committed checkpoints 1…n with every source at offset 2c, the cut a two-partition {@link #uniform} run outputs. */
    StreamRun checkpointsEveryTwoOffsets(int n) {
        for (long c = 1; c <= n; c++) {
            long[] positions = new long[input.size()];
            java.util.Arrays.fill(positions, 2 * c);
            checkpoint(c, positions);
        }
        return this;
    }

    /** The system restored checkpoint {@code id} (null: the empty initial state) at {@code time}. */
    StreamRun restore(Long id, long time) {
        ObjectNode detail = JSON.objectNode();
        events.add(new NodeEvent("coordinator", 1, events.size(), time, "restore-started", id, detail, time));
        events.add(new NodeEvent("coordinator", 1, events.size(), time + 10, "restored", id, detail, time + 10));
        return this;
    }

    /** Removes the output entries of the given input records ("p/o"), as a system that lost them would. */
    StreamRun lose(String... records) {
        List<String> gone = List.of(records);
        output.removeIf(e -> gone.contains(e.path("record").path("partition").asInt() + "/"
                + e.path("record").path("offset").asInt()));
        return this;
    }

    /** The output entry of input record {@code p/o}. */
    JsonNode outputOf(int partition, int offset) {
        return output.stream().filter(e -> e.path("record").path("partition").asInt() == partition
                && e.path("record").path("offset").asInt() == offset).findFirst().orElseThrow();
    }

    /** What a correct system outputs when it reads the partitions round-robin, one record each. */
    private List<JsonNode> correctOutput() {
        Map<String, long[]> totals = new HashMap<>();
        List<JsonNode> out = new ArrayList<>();
        int longest = input.values().stream().mapToInt(List::size).max().orElse(0);
        for (int o = 0; o < longest; o++) {
            for (var p : input.entrySet()) {
                if (o < p.getValue().size()) {
                    JsonNode r = p.getValue().get(o);
                    long[] t = totals.computeIfAbsent(r.get("key").asText(), k -> new long[2]);
                    t[0]++;
                    t[1] += r.get("value").asLong();
                    out.add(entry(out.size(), p.getKey(), o, r.get("key").asText(), r.get("value").asInt(), t[0], t[1]));
                }
            }
        }
        return out;
    }

    static ObjectNode entry(long seq, int partition, long offset, String key, int value, long count, long sum) {
        ObjectNode record = JSON.objectNode().put("partition", partition).put("offset", offset).put("key", key)
                .put("value", value).put("count", count).put("sum", sum);
        ObjectNode entry = JSON.objectNode().put("seq", seq).put("txn", "sink-0-" + seq / 4).put("checkpoint", 1 + seq / 4);
        entry.set("record", record);
        return entry;
    }

    /**
     * A committed checkpoint with one source per partition at {@code positions} and two operators
     * (keys split by the parity of their last character) holding the correct state of that prefix.
     */
    StreamRun checkpoint(long id, long... positions) {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        Map<String, long[]> totals = new HashMap<>();
        for (int p = 0; p < positions.length; p++) {
            parts.put("source-" + p, JSON.objectNode().set("positions", JSON.objectNode().put(String.valueOf(p), positions[p])));
            for (int o = 0; o < Math.min(positions[p], input.get(p).size()); o++) {
                JsonNode r = input.get(p).get(o);
                long[] t = totals.computeIfAbsent(r.get("key").asText(), k -> new long[2]);
                t[0]++;
                t[1] += r.get("value").asLong();
            }
        }
        ObjectNode[] states = {JSON.objectNode(), JSON.objectNode()};
        totals.forEach((key, t) -> states[key.charAt(key.length() - 1) % 2].set(key,
                JSON.objectNode().put("count", t[0]).put("sum", t[1])));
        for (int i = 0; i < 2; i++) {
            parts.put("operator-" + i, JSON.objectNode().set("state", states[i]));
        }
        parts.put("sink-0", JSON.objectNode().set("state", JSON.objectNode().put("txn", "sink-0-" + id)));
        contents.put(id, parts);
        checkpoints.add(new CheckpointObservation(id, "interval", "committed", 1000L * id, null, 1000L * id + 50,
                null, 10L, List.copyOf(parts.keySet()), 1000L * id, 1000L * id + 60, null));
        return this;
    }

    /** The state object of a node in a checkpoint, to break it. */
    ObjectNode state(long checkpoint, String node) {
        return (ObjectNode) contents.get(checkpoint).get(node).get("state");
    }

    ObjectNode outputRecord(int index) {
        return (ObjectNode) output.get(index).get("record");
    }

    Observations build() {
        return new Observations("stream", Map.of(), List.of(), events, List.of(), checkpoints, contents, input,
                output, collected != null ? collected : Collected.whole(input.size()), Map.of(), drained);
    }
}
