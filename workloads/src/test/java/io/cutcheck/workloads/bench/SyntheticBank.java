package io.cutcheck.workloads.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.NodeEvent;
import io.cutcheck.harness.observe.Collected;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.workloads.bank.BankOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A correct bank run made up for the benchmark: {@code operations} transfers over 3 peers of 5
 * accounts, {@code checkpoints} committed snapshots in which the last two credits of every channel
 * are recorded in flight, a kill with restores every 100 snapshots, and the final balances.
 */
final class SyntheticBank {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int PEERS = 3;
    private static final int ACCOUNTS = 5;
    /** Node and account names: the reference ones. */
    private static final BankOptions NAMING = new BankOptions(PEERS, ACCOUNTS, 0);
    private static final int IN_FLIGHT = 2;

    private SyntheticBank() {}

    static Observations generate(int operations, int checkpoints, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long initial = Math.max(100, Math.round(operations / (double) (PEERS * ACCOUNTS) * 5.5 * 0.8));
        BankOptions options = new BankOptions(PEERS, ACCOUNTS, initial);
        Map<Integer, List<JsonNode>> input = new HashMap<>();
        Map<String, Long> balances = new LinkedHashMap<>(); // with every credit delivered
        Map<String, Long> spent = new HashMap<>();
        long[][] owed = new long[PEERS][PEERS];
        List<List<ArrayDeque<ObjectNode>>> lastCredits = new ArrayList<>();
        for (int p = 0; p < PEERS; p++) {
            input.put(p, new ArrayList<>());
            lastCredits.add(new ArrayList<>());
            for (int q = 0; q < PEERS; q++) {
                lastCredits.get(p).add(new ArrayDeque<>());
            }
            for (int a = 0; a < ACCOUNTS; a++) {
                balances.put(NAMING.account(p, a), initial);
            }
        }
        List<Op> history = new ArrayList<>(2 * operations);
        List<NodeEvent> events = new ArrayList<>();
        List<CheckpointObservation> observed = new ArrayList<>();
        Map<Long, Map<String, JsonNode>> contents = new HashMap<>();
        List<FaultRecord> faults = new ArrayList<>();
        long t0 = 1_764_000_000_000L;
        int every = Math.max(1, operations / checkpoints);
        long checkpoint = 0;
        long seq = 0;
        for (int i = 0; i < operations; i++) {
            long now = t0 + i / 10;
            int p = random.nextInt(PEERS);
            int q = random.nextInt(PEERS);
            String from = NAMING.account(p, random.nextInt(ACCOUNTS));
            String to = NAMING.account(q, random.nextInt(ACCOUNTS));
            int amount = 1 + random.nextInt(10);
            List<JsonNode> log = input.get(p);
            ObjectNode transfer = JSON.objectNode().put("offset", log.size()).put("id", "t-" + i).put("from", from)
                    .put("to", to).put("amount", amount);
            log.add(transfer);
            ObjectNode invoke = JSON.objectNode().put("partition", p);
            invoke.putArray("records").add(transfer.deepCopy().without("offset")); // as a client sent it
            history.add(new Op(2L * i, OpType.INVOKE, i % 8, "append", invoke, i * 100_000L, now, null));
            JsonNode answer = JSON.objectNode().put("partition", p).put("first", log.size() - 1).put("count", 1);
            history.add(new Op(2L * i + 1, OpType.OK, i % 8, "append", answer, i * 100_000L + 50_000, now, null));
            long already = spent.getOrDefault(from, 0L);
            if (initial - already >= amount) {
                spent.put(from, already + amount);
                balances.merge(from, (long) -amount, Long::sum);
                balances.merge(to, (long) amount, Long::sum);
                if (q != p) {
                    owed[p][q]++;
                    ArrayDeque<ObjectNode> last = lastCredits.get(p).get(q);
                    last.addLast(JSON.objectNode().put("id", "t-" + i).put("to", to).put("amount", amount));
                    if (last.size() > IN_FLIGHT) {
                        last.removeFirst();
                    }
                }
            }
            if ((i + 1) % every == 0 && checkpoint < checkpoints) {
                checkpoint++;
                contents.put(checkpoint, snapshot(checkpoint, input, balances, owed, lastCredits));
                observed.add(new CheckpointObservation(checkpoint, "interval", "committed", now - 20, now - 5, now, null,
                        1000L, List.copyOf(contents.get(checkpoint).keySet()), now - 20, now + 2, null));
                events.add(new NodeEvent("peer-0", 1, seq++, now - 20, "triggered", checkpoint, JSON.objectNode(), now));
                events.add(new NodeEvent("peer-0", 1, seq++, now, "committed", checkpoint, JSON.objectNode(), now));
                if (checkpoint % 100 == 50) {
                    faults.add(new FaultRecord(faults.size(), "kill", List.of("peer-1"), now + 1, now + 3, null));
                    for (int peer = 0; peer < PEERS; peer++) {
                        events.add(new NodeEvent("peer-" + peer, 1, seq++, now + 2, "restore-started", checkpoint, JSON.objectNode(), now + 2));
                        events.add(new NodeEvent("peer-" + peer, 1, seq++, now + 3, "restored", checkpoint, JSON.objectNode(), now + 3));
                    }
                }
            }
        }
        Map<String, JsonNode> finalState = new HashMap<>();
        for (int p = 0; p < PEERS; p++) {
            ObjectNode state = JSON.objectNode();
            ObjectNode b = state.putObject("balances");
            for (int a = 0; a < ACCOUNTS; a++) {
                b.put(NAMING.account(p, a), balances.get(NAMING.account(p, a)));
            }
            finalState.put(NAMING.peer(p), state);
        }
        return new Observations("bank", options.toJson(), history, events, faults, observed, contents, input, List.of(),
                Collected.whole(input.size()), finalState, true);
    }

    /** Every peer's part: delivered balances minus the credits still in flight, which its channels record. */
    private static Map<String, JsonNode> snapshot(long id, Map<Integer, List<JsonNode>> input, Map<String, Long> balances,
                                                 long[][] owed, List<List<ArrayDeque<ObjectNode>>> lastCredits) {
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        for (int r = 0; r < PEERS; r++) {
            ObjectNode content = JSON.objectNode().put("id", id).put("node", NAMING.peer(r));
            content.putObject("positions").put(String.valueOf(r), input.get(r).size());
            ObjectNode state = content.putObject("state");
            ObjectNode b = state.putObject("balances");
            for (int a = 0; a < ACCOUNTS; a++) {
                b.put(NAMING.account(r, a), balances.get(NAMING.account(r, a)));
            }
            ObjectNode received = state.putObject("received");
            ObjectNode channels = content.putObject("channels");
            for (int s = 0; s < PEERS; s++) {
                if (s == r) {
                    continue;
                }
                ArrayDeque<ObjectNode> inFlight = lastCredits.get(s).get(r);
                received.put(NAMING.peer(s), owed[s][r] - inFlight.size());
                ArrayNode channel = channels.putArray(NAMING.peer(s));
                for (ObjectNode message : inFlight) {
                    channel.add(message);
                    String account = message.get("to").asText();
                    b.put(account, b.get(account).asLong() - message.get("amount").asLong());
                }
            }
            parts.put(NAMING.peer(r), content);
        }
        return parts;
    }
}
