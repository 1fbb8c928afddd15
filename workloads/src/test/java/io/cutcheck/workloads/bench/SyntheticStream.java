package io.cutcheck.workloads.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A correct stream run made up for the benchmark: {@code operations} appends of one record each
 * (an invoke and an ok line apiece) over 4 partitions and 64 keys, their output in order,
 * {@code checkpoints} committed checkpoints with the right content, and a kill with restores
 * every 100 checkpoints.
 */
final class SyntheticStream {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int PARTITIONS = 4;
    static final int KEYS = 64;

    private SyntheticStream() {}

    static Observations generate(int operations, int checkpoints, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, List<JsonNode>> input = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            input.put(p, new ArrayList<>());
        }
        List<Op> history = new ArrayList<>(2 * operations);
        List<JsonNode> output = new ArrayList<>(operations);
        List<NodeEvent> events = new ArrayList<>();
        List<CheckpointObservation> observed = new ArrayList<>();
        Map<Long, Map<String, JsonNode>> contents = new HashMap<>();
        List<FaultRecord> faults = new ArrayList<>();
        Map<String, long[]> totals = new HashMap<>();
        String[] keys = new String[KEYS];
        for (int k = 0; k < KEYS; k++) {
            keys[k] = "k" + k;
        }
        long t0 = 1_764_000_000_000L;
        int every = Math.max(1, operations / checkpoints);
        long checkpoint = 0;
        long seq = 0;
        for (int i = 0; i < operations; i++) {
            long now = t0 + i / 10; // 10 000 ops a second
            int p = random.nextInt(PARTITIONS);
            String key = keys[random.nextInt(KEYS)];
            int value = 1 + random.nextInt(9);
            List<JsonNode> log = input.get(p);
            ObjectNode record = JSON.objectNode().put("offset", log.size()).put("key", key).put("value", value);
            log.add(record);
            ObjectNode invoke = JSON.objectNode().put("partition", p);
            invoke.putArray("records").add(record.deepCopy().without("offset")); // as a client sent it
            history.add(new Op(2L * i, OpType.INVOKE, i % 8, "append", invoke, i * 100_000L, now, null));
            JsonNode answer = JSON.objectNode().put("partition", p).put("first", log.size() - 1).put("count", 1);
            history.add(new Op(2L * i + 1, OpType.OK, i % 8, "append", answer, i * 100_000L + 50_000, now, null));
            long[] t = totals.computeIfAbsent(key, k -> new long[2]);
            t[0]++;
            t[1] += value;
            ObjectNode out = JSON.objectNode().put("partition", p).put("offset", log.size() - 1).put("key", key)
                    .put("value", value).put("count", t[0]).put("sum", t[1]);
            ObjectNode entry = JSON.objectNode().put("seq", i).put("txn", "sink-0-" + (checkpoint + 1))
                    .put("checkpoint", checkpoint + 1);
            entry.set("record", out);
            output.add(entry);
            if ((i + 1) % every == 0 && checkpoint < checkpoints) {
                checkpoint++;
                contents.put(checkpoint, content(input, totals));
                observed.add(new CheckpointObservation(checkpoint, "interval", "committed", now - 20, now - 5, now, null,
                        1000L, List.copyOf(contents.get(checkpoint).keySet()), now - 20, now + 2, null));
                events.add(new NodeEvent("coordinator", 1, seq++, now - 20, "triggered", checkpoint, JSON.objectNode(), now));
                events.add(new NodeEvent("coordinator", 1, seq++, now, "committed", checkpoint, JSON.objectNode(), now));
                if (checkpoint % 100 == 50) {
                    faults.add(new FaultRecord(faults.size(), "kill", List.of("operator-0"), now + 1, now + 3, null));
                    for (String node : List.of("operator-0", "operator-1")) {
                        events.add(new NodeEvent(node, 1, seq++, now + 2, "restore-started", checkpoint, JSON.objectNode(), now + 2));
                        events.add(new NodeEvent(node, 1, seq++, now + 3, "restored", checkpoint, JSON.objectNode(), now + 3));
                    }
                }
            }
        }
        return new Observations("stream", Map.of(), history, events, faults, observed, contents, input, output,
                Collected.whole(input.size()), Map.of(), true);
    }

    private static Map<String, JsonNode> content(Map<Integer, List<JsonNode>> input, Map<String, long[]> totals) {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            ObjectNode source = JSON.objectNode();
            source.putObject("positions").put(String.valueOf(p), input.get(p).size());
            parts.put("source-" + p, source);
        }
        ObjectNode[] operators = {JSON.objectNode(), JSON.objectNode()};
        totals.forEach((key, t) -> operators[Math.floorMod(key.hashCode(), 2)].putObject(key).put("count", t[0]).put("sum", t[1]));
        for (int i = 0; i < 2; i++) {
            ObjectNode part = JSON.objectNode();
            part.set("state", operators[i]);
            parts.put("operator-" + i, part);
        }
        return parts;
    }
}
