package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.workloads.bank.BankOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Section 6, the workloads' logical encodings of a checkpoint's parts, and the one fact about a
 * whole cut the kit can verify from a little input: stream state per key equals the records
 * below the cut's positions; bank money is conserved. These are the inputs of the workload
 * checkers ({@code stream-consistent-cut}, {@code bank-snapshot}); a part they cannot read makes
 * every run of the system unknown or invalid, so the kit says so before any fault is injected.
 */
final class Encodings {

    private Encodings() {}

    /** Judges the parts of one committed checkpoint against the input. */
    interface Judge {
        List<String> encoding(Map<String, JsonNode> parts, Map<Integer, List<JsonNode>> input);

        List<String> addsUp(Map<String, JsonNode> parts, Map<Integer, List<JsonNode>> input);

        String summary(Map<String, JsonNode> parts);
    }

    /** The cut's positions: the union of every part's, a conflict or an offset past the input a problem. */
    static Map<Integer, Long> positions(Map<String, JsonNode> parts, Map<Integer, List<JsonNode>> input,
                                        List<String> problems) {
        Map<Integer, Long> cut = new HashMap<>();
        parts.forEach((node, part) -> fields(part.path("positions")).forEach((key, value) -> {
            int p = Integer.parseInt(key);
            Long other = cut.putIfAbsent(p, value.asLong());
            if (other != null && other != value.asLong()) {
                problems.add("partition " + p + " is at " + other + " in one part and " + value.asLong() + " in "
                        + node + "'s");
            }
            if (!input.containsKey(p) || value.asLong() > input.get(p).size()) {
                problems.add(node + " names partition " + p + " at " + value.asLong() + ", past the input's end "
                        + (input.containsKey(p) ? input.get(p).size() : "(no such partition)"));
            }
        }));
        return cut;
    }

    static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> map = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    /** stream: operator state {@code {"<key>": {"count": c, "sum": s}}}. */
    static final class Stream implements Judge {

        @Override
        public List<String> encoding(Map<String, JsonNode> parts, Map<Integer, List<JsonNode>> input) {
            List<String> problems = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            input.values().forEach(records -> records.forEach(r -> keys.add(r.path("key").asText())));
            int entries = 0;
            for (Map.Entry<String, JsonNode> part : parts.entrySet()) {
                for (Map.Entry<String, JsonNode> e : fields(part.getValue().path("state")).entrySet()) {
                    if (!keys.contains(e.getKey())) {
                        continue;
                    }
                    JsonNode v = e.getValue();
                    if (v.path("count").isIntegralNumber() && v.path("sum").isIntegralNumber()
                            && v.path("count").asLong() >= 0) {
                        entries++;
                    } else {
                        problems.add(part.getKey() + ": state of key " + e.getKey() + " is " + Http.clip(v.toString())
                                + ", not {\"count\": integer, \"sum\": integer}");
                    }
                }
            }
            long consumed = positions(parts, input, new ArrayList<>()).values().stream().mapToLong(Long::longValue).sum();
            if (consumed > 0 && entries == 0) {
                problems.add("the cut is past " + consumed + " records but no part holds {\"count\",\"sum\"} per key");
            }
            return problems;
        }

        @Override
        public List<String> addsUp(Map<String, JsonNode> parts, Map<Integer, List<JsonNode>> input) {
            List<String> problems = new ArrayList<>();
            Map<Integer, Long> cut = positions(parts, input, problems);
            if (!problems.isEmpty()) {
                return problems;
            }
            Map<String, long[]> expected = new HashMap<>();
            input.forEach((p, records) -> {
                long end = cut.getOrDefault(p, 0L);
                for (JsonNode r : records) {
                    if (r.path("offset").asLong() < end) {
                        long[] t = expected.computeIfAbsent(r.path("key").asText(), k -> new long[2]);
                        t[0]++;
                        t[1] += r.path("value").asLong();
                    }
                }
            });
            Map<String, long[]> actual = new HashMap<>();
            parts.values().forEach(part -> fields(part.path("state")).forEach((key, v) -> {
                if (v.path("count").isIntegralNumber() && v.path("sum").isIntegralNumber()) {
                    long[] t = actual.computeIfAbsent(key, k -> new long[2]);
                    t[0] += v.path("count").asLong();
                    t[1] += v.path("sum").asLong();
                }
            }));
            Set<String> keys = new HashSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String key : keys.stream().sorted().toList()) {
                long[] e = expected.getOrDefault(key, new long[2]);
                long[] a = actual.getOrDefault(key, new long[2]);
                if (e[0] != a[0] || e[1] != a[1]) {
                    problems.add("key " + key + " holds count " + a[0] + " sum " + a[1] + ", the input below the cut "
                            + e[0] + " and " + e[1]);
                }
            }
            return problems;
        }

        @Override
        public String summary(Map<String, JsonNode> parts) {
            long keys = parts.values().stream().mapToLong(p -> p.path("state").size()).sum();
            long read = parts.values().stream().flatMap(p -> fields(p.path("positions")).values().stream())
                    .mapToLong(JsonNode::asLong).max().orElse(0);
            return Report.count(parts.size(), "part") + ", " + keys + " state entries, up to offset " + read;
        }
    }

    /**
     * bank: balances, received, channels of recorded credits, the peer's own position; peer
     * {@code i} is {@code peerNames[i]}, reads partition {@code i} and owns {@code <name>/0 …}.
     */
    static final class Bank implements Judge {

        private final BankOptions bank;

        Bank(Map<String, JsonNode> options) {
            this.bank = BankOptions.from(options).orElseThrow(() -> new IllegalArgumentException(
                    "the bank workload's options lack peers, accounts or initialBalance"));
        }

        @Override
        public List<String> encoding(Map<String, JsonNode> parts, Map<Integer, List<JsonNode>> input) {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, JsonNode> part : parts.entrySet()) {
                String node = part.getKey();
                JsonNode p = part.getValue();
                String index = Integer.toString(bank.peerNames().indexOf(node));
                if (!p.path("positions").path(index).isIntegralNumber()) {
                    problems.add(node + ": positions lacks its own partition \"" + index + "\"");
                }
                JsonNode balances = p.path("state").path("balances");
                for (int a = 0; a < bank.accounts(); a++) {
                    if (!balances.path(node + "/" + a).isIntegralNumber()) {
                        problems.add(node + ": state.balances lacks account " + node + "/" + a);
                    }
                }
                JsonNode received = p.path("state").path("received");
                if (!received.isObject() || fields(received).values().stream().anyMatch(v -> !v.isIntegralNumber())) {
                    problems.add(node + ": state.received is not {\"<sender>\": count}");
                }
                for (String other : parts.keySet()) {
                    JsonNode channel = p.path("channels").path(other);
                    if (other.equals(node)) {
                        continue;
                    }
                    if (!channel.isArray()) {
                        problems.add(node + ": channels lacks the list for sender " + other);
                        continue;
                    }
                    for (JsonNode credit : channel) {
                        if (!credit.path("id").isTextual() || !credit.path("to").isTextual()
                                || !credit.path("amount").isIntegralNumber()) {
                            problems.add(node + ": credit " + Http.clip(credit.toString()) + " is not {id, to, amount}");
                        }
                    }
                }
            }
            return problems;
        }

        @Override
        public List<String> addsUp(Map<String, JsonNode> parts, Map<Integer, List<JsonNode>> input) {
            List<String> problems = new ArrayList<>();
            positions(parts, input, problems);
            long money = 0;
            for (JsonNode p : parts.values()) {
                money += fields(p.path("state").path("balances")).values().stream().mapToLong(JsonNode::asLong).sum();
                for (JsonNode channel : fields(p.path("channels")).values()) {
                    for (JsonNode credit : channel) {
                        money += credit.path("amount").asLong();
                    }
                }
            }
            if (money != bank.total()) {
                problems.add("balances plus recorded credits sum to " + money + ", not " + bank.total());
            }
            return problems;
        }

        @Override
        public String summary(Map<String, JsonNode> parts) {
            long read = parts.values().stream().flatMap(p -> fields(p.path("positions")).values().stream())
                    .mapToLong(JsonNode::asLong).sum();
            return Report.count(parts.size(), "part") + ", " + read + " transfers read, money " + bank.total();
        }
    }
}
