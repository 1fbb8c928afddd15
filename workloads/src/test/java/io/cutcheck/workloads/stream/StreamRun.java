package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.Collected;
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
        return new Observations("stream", Map.of(), List.of(), List.of(), List.of(), checkpoints, contents, input,
                output, collected != null ? collected : Collected.whole(input.size()), Map.of(), drained);
    }
}
