package io.cutcheck.workloads.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One committed checkpoint's content, united over its nodes: the source positions (partition →
 * next offset) and the operators' per-key count and sum, with the node that holds each key.
 * Only {@code state} entries shaped like the workload's ({@code {"count","sum"}}) are operator
 * state; other roles' state (a sink's transaction, say) is left aside.
 *
 * @param conflict a description of two nodes disagreeing on a partition's position, or null
 */
record CutContent(Map<Integer, Long> positions, Map<String, long[]> state, Map<String, String> holder,
                  Map<String, String> positionNodes, String conflict) {

    static CutContent of(Map<String, JsonNode> parts) {
        Map<Integer, Long> positions = new TreeMap<>();
        Map<String, String> positionNodes = new HashMap<>();
        Map<String, long[]> state = new HashMap<>();
        Map<String, String> holder = new HashMap<>();
        String conflict = null;
        for (Map.Entry<String, JsonNode> part : new TreeMap<>(parts).entrySet()) {
            String node = part.getKey();
            Iterator<Map.Entry<String, JsonNode>> pos = part.getValue().path("positions").fields();
            while (pos.hasNext()) {
                Map.Entry<String, JsonNode> e = pos.next();
                int partition;
                try {
                    partition = Integer.parseInt(e.getKey());
                } catch (NumberFormatException notAPartition) {
                    continue;
                }
                Long before = positions.put(partition, e.getValue().asLong());
                String beforeNode = positionNodes.put(e.getKey(), node);
                if (before != null && before != e.getValue().asLong() && conflict == null) {
                    conflict = beforeNode + " says partition " + partition + " is at " + before + ", " + node + " says "
                            + e.getValue().asLong();
                }
            }
            Iterator<Map.Entry<String, JsonNode>> keys = part.getValue().path("state").fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> e = keys.next();
                JsonNode v = e.getValue();
                if (!v.isObject() || !v.path("count").canConvertToLong() || !v.path("sum").canConvertToLong()) {
                    continue;
                }
                long[] t = state.computeIfAbsent(e.getKey(), k -> new long[2]);
                t[0] += v.get("count").asLong();
                t[1] += v.get("sum").asLong();
                holder.merge(e.getKey(), node, (a, b) -> a + "," + b);
            }
        }
        return new CutContent(positions, state, holder, positionNodes, conflict);
    }
}
