package io.cutcheck.sut.marker;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.bench.MarkerCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Watches a running cluster from outside, as the harness would: reads every committed snapshot's
 * parts through {@code GET /checkpoints/{id}/content} and checks them against the input, and
 * collects every peer's restore events. Knows nothing of the system's code.
 */
final class SnapshotAudit {

    record Violation(long snapshot, String what) {
    }

    record Restore(String node, Long snapshot, long time) {
    }

    private final MarkerCluster cluster;
    private final BankInput input;
    final Map<Long, Long> committedAt = new HashMap<>();
    final Set<Long> audited = new HashSet<>();
    final List<Violation> violations = new ArrayList<>();
    final List<Restore> restores = new ArrayList<>();
    int withChannelState;
    int partsGone;
    private final Map<Integer, Long> incarnations = new HashMap<>();
    private final Map<Integer, Long> nextEvent = new HashMap<>();

    SnapshotAudit(MarkerCluster cluster, BankInput input) {
        this.cluster = cluster;
        this.input = input;
    }

    /** One look at every peer: new committed snapshots are audited, new restore events collected. */
    void poll() {
        for (int i = 0; i < cluster.peers(); i++) {
            pollEvents(i);
            JsonNode list = cluster.get(i, "/checkpoints");
            if (list == null) {
                continue;
            }
            // newest first: with three initiators every 100 ms, retention deletes the oldest parts
            // before a slow poll reaches them, and a snapshot with a part gone cannot be audited
            List<JsonNode> newestFirst = new ArrayList<>();
            list.forEach(newestFirst::add);
            java.util.Collections.reverse(newestFirst);
            for (JsonNode c : newestFirst) {
                long id = c.path("id").asLong();
                if (c.path("status").asText().equals("committed") && !audited.contains(id)) {
                    committedAt.put(id, c.path("committedAt").asLong());
                    audit(id);
                }
            }
        }
    }

    private void pollEvents(int i) {
        JsonNode page = cluster.get(i, "/events?since=" + nextEvent.getOrDefault(i, 0L));
        if (page == null) {
            return;
        }
        long incarnation = page.path("incarnation").asLong();
        if (!Long.valueOf(incarnation).equals(incarnations.get(i))) {
            incarnations.put(i, incarnation);
            nextEvent.put(i, 0L);
            pollEvents(i);
            return;
        }
        for (JsonNode e : page.path("events")) {
            if (e.path("type").asText().equals("restored")) {
                JsonNode cp = e.path("checkpoint");
                restores.add(new Restore(e.path("node").asText(), cp.isNumber() ? cp.asLong() : null,
                        e.path("time").asLong()));
            }
        }
        nextEvent.put(i, page.path("next").asLong());
    }

    /** Conservation and "no credit without its debit" over all parts of snapshot {@code id}. */
    void audit(long id) {
        audited.add(id);
        Map<Integer, JsonNode> parts = new TreeMap<>();
        for (int j = 0; j < cluster.peers(); j++) {
            JsonNode content = cluster.get(j, "/checkpoints/" + id + "/content");
            if (content != null) {
                parts.put(j, content);
            }
        }
        if (parts.size() < cluster.peers()) {
            partsGone++;            // retention may have removed parts since the listing
            return;
        }
        long money = 0;
        boolean inFlight = false;
        for (int j = 0; j < cluster.peers(); j++) {
            JsonNode part = parts.get(j);
            for (JsonNode balance : part.path("state").path("balances")) {
                money += balance.asLong();
            }
            for (int i = 0; i < cluster.peers(); i++) {
                if (i == j) {
                    continue;
                }
                JsonNode channel = part.path("channels").path("peer-" + i);
                inFlight |= channel.size() > 0;
                for (JsonNode credit : channel) {
                    money += credit.path("amount").asLong();
                }
                long senderPosition = parts.get(i).path("positions").path(String.valueOf(i)).asLong();
                List<String> sent = input.creditsSent(i, j, senderPosition);
                long received = part.path("state").path("received").path("peer-" + i).asLong(0);
                List<String> recorded = new ArrayList<>();
                channel.forEach(c -> recorded.add(c.path("id").asText()));
                if (received + recorded.size() > sent.size()) {
                    violations.add(new Violation(id, "peer-" + j + " holds " + (received + recorded.size())
                            + " credits from peer-" + i + " whose part debited only " + sent.size()));
                } else if (received + recorded.size() < sent.size()) {
                    violations.add(new Violation(id, "peer-" + i + " debited " + sent.size() + " transfers to peer-" + j
                            + ", which holds only " + (received + recorded.size()) + " of their credits"));
                } else if (!recorded.equals(sent.subList((int) received, sent.size()))) {
                    violations.add(new Violation(id, "channel peer-" + i + " -> peer-" + j + " recorded " + recorded
                            + ", expected " + sent.subList((int) received, sent.size())));
                }
            }
        }
        if (money != input.total()) {
            violations.add(new Violation(id, "total " + money + ", expected " + input.total()));
        }
        if (inFlight) {
            withChannelState++;
        }
    }

    String summary() {
        return "committed seen " + committedAt.size() + ", audited in full " + (audited.size() - partsGone)
                + ", with credits in flight " + withChannelState + ", restores " + restores.size()
                + ", violations " + violations.size();
    }

    /** Sums the live balances once every peer consumed its whole partition and no credit is in flight. */
    Map<String, Long> quiescentBalances(long ends) throws Exception {
        Map<String, Long> balances = new TreeMap<>();
        MarkerCluster.await("all input consumed and no credit in flight", java.time.Duration.ofSeconds(60), () -> {
            Map<String, Long> now = new TreeMap<>();
            for (int i = 0; i < cluster.peers(); i++) {
                JsonNode b = cluster.get(i, "/balances");
                if (b == null || !b.path("status").asText().equals("running")
                        || b.path("positions").path(String.valueOf(i)).asLong() != ends) {
                    return false;
                }
                b.path("balances").fields().forEachRemaining(e -> now.put(e.getKey(), e.getValue().asLong()));
            }
            boolean stable = now.equals(balances);
            balances.clear();
            balances.putAll(now);
            return stable;
        });
        return balances;
    }
}
