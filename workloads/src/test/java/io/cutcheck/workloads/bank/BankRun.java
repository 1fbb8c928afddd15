package io.cutcheck.workloads.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Hand-made bank observations: three peers with two accounts of 10 each, an input log, and
 * committed snapshots made the way a correct peer makes them, from chosen positions and chosen
 * numbers of credits delivered per channel (the rest recorded in flight).
 */
final class BankRun {

    static final BankOptions OPTIONS = new BankOptions(3, 2, 10);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    final Map<Integer, List<JsonNode>> input = new LinkedHashMap<>();
    final List<CheckpointObservation> checkpoints = new ArrayList<>();
    final Map<Long, Map<String, JsonNode>> contents = new HashMap<>();
    final Map<String, JsonNode> finalState = new HashMap<>();
    boolean drained = true;
    /** What the harness read from its services; by default every partition of {@link #input}, whole. */
    Collected collected;

    /** Partition p's transfers as "fromAccount>peer/account:amount", e.g. "0>1/1:4" out of peer-p/0. */
    static BankRun of(String[]... partitions) {
        BankRun run = new BankRun();
        for (int p = 0; p < partitions.length; p++) {
            List<JsonNode> log = new ArrayList<>();
            for (int o = 0; o < partitions[p].length; o++) {
                String[] t = partitions[p][o].split("[>:]");
                log.add(JSON.objectNode().put("offset", o).put("id", "t-" + p + "-" + o)
                        .put("from", "peer-" + p + "/" + t[0]).put("to", "peer-" + t[1]).put("amount", Integer.parseInt(t[2])));
            }
            run.input.put(p, log);
        }
        return run;
    }

    /** The accepted transfers of partition p's first {@code position} records, in order. */
    List<JsonNode> accepted(int p, long position) {
        Map<String, Long> spent = new HashMap<>();
        List<JsonNode> accepted = new ArrayList<>();
        for (JsonNode t : input.get(p).subList(0, (int) position)) {
            long already = spent.getOrDefault(t.get("from").asText(), 0L);
            if (OPTIONS.initialBalance() - already >= t.get("amount").asLong()) {
                spent.put(t.get("from").asText(), already + t.get("amount").asLong());
                accepted.add(t);
            }
        }
        return accepted;
    }

    /**
     * A committed snapshot: peer i at {@code positions[i]}; {@code delivered[s][r]} credits from s
     * applied by r (the rest of those owed recorded on the channel).
     */
    BankRun snapshot(long id, long[] positions, int[][] delivered) {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (int r = 0; r < 3; r++) {
            Map<String, Long> balances = new LinkedHashMap<>();
            for (int a = 0; a < 2; a++) {
                balances.put("peer-" + r + "/" + a, OPTIONS.initialBalance());
            }
            for (JsonNode t : accepted(r, positions[r])) {
                balances.merge(t.get("from").asText(), -t.get("amount").asLong(), Long::sum);
                if (BankOptions.ownerOf(t.get("to").asText()).equals("peer-" + r)) {
                    balances.merge(t.get("to").asText(), t.get("amount").asLong(), Long::sum);
                }
            }
            ObjectNode received = JSON.objectNode();
            ObjectNode channels = JSON.objectNode();
            for (int s = 0; s < 3; s++) {
                if (s == r) {
                    continue;
                }
                String receiver = "peer-" + r;
                List<JsonNode> owed = accepted(s, positions[s]).stream()
                        .filter(t -> BankOptions.ownerOf(t.get("to").asText()).equals(receiver)).toList();
                int applied = Math.min(delivered[s][r], owed.size());
                owed.subList(0, applied).forEach(t -> balances.merge(t.get("to").asText(), t.get("amount").asLong(), Long::sum));
                received.put("peer-" + s, applied);
                ArrayNode channel = channels.putArray("peer-" + s);
                owed.subList(applied, owed.size()).forEach(t -> channel.add(JSON.objectNode().put("id", t.get("id").asText())
                        .put("to", t.get("to").asText()).put("amount", t.get("amount").asInt())));
            }
            ObjectNode state = JSON.objectNode();
            ObjectNode b = state.putObject("balances");
            balances.forEach(b::put);
            state.set("received", received);
            ObjectNode content = JSON.objectNode().put("id", id).put("node", "peer-" + r);
            content.putObject("positions").put(String.valueOf(r), positions[r]);
            content.set("state", state);
            content.set("channels", channels);
            parts.put("peer-" + r, content);
        }
        contents.put(id, parts);
        checkpoints.add(new CheckpointObservation(id, "interval", "committed", 1000L * id, null, 1000L * id + 50, null,
                10L, List.copyOf(parts.keySet()), 1000L * id, 1000L * id + 60, null));
        return this;
    }

    /** Final live balances as a correct, drained run reports them. */
    BankRun finalBalances() {
        long[] all = {input.get(0).size(), input.get(1).size(), input.get(2).size()};
        snapshot(999, all, new int[][] {{0, 99, 99}, {99, 0, 99}, {99, 99, 0}});
        Map<String, JsonNode> last = contents.remove(999L);
        checkpoints.remove(checkpoints.size() - 1);
        last.forEach((node, content) -> finalState.put(node, JSON.objectNode().set("balances", content.get("state").get("balances"))));
        return this;
    }

    ObjectNode part(long snapshot, String peer) {
        return (ObjectNode) contents.get(snapshot).get(peer);
    }

    Observations build() {
        return new Observations("bank", OPTIONS.toJson(), List.of(), List.of(), List.of(), checkpoints, contents, input,
                List.of(), collected != null ? collected : Collected.whole(input.size()), finalState, drained);
    }
}
