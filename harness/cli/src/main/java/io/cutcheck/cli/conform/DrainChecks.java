package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.services.InputLogReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sections 1 (the drain) and 5 (the output store), as the end of every test run uses them: with
 * automatic triggers off, a final checkpoint must reach every partition's end (retried as the
 * drain retries), and then nothing it covers may stay prepared in the output store; the
 * committed output must never hold a record twice. A system that writes nothing to the output
 * store (the bank workload is checked from the checkpoints alone) skips the output rules.
 */
final class DrainChecks {

    static final Duration DRAIN_BOUND = Duration.ofSeconds(20);
    static final Duration QUIET_BOUND = Duration.ofSeconds(6);

    private final KitCluster cluster;
    private final TriggerChecks triggers;
    private final Waits waits;
    private long finalId;

    DrainChecks(KitCluster cluster, TriggerChecks triggers, Waits waits) {
        this.cluster = cluster;
        this.triggers = triggers;
        this.waits = waits;
    }

    /** The final checkpoint that reached the input's end, or 0. */
    long finalId() {
        return finalId;
    }

    Outcome drain() {
        Parallel.each(cluster.members(), m -> Http.put(m.control(), "/triggers", "{\"intervalMs\":0,\"everyRecords\":0}"));
        Map<Integer, Long> ends = new InputLogReader(cluster.inputLog()).ends().result().orElse(Map.of());
        long start = System.nanoTime();
        long deadline = start + DRAIN_BOUND.toNanos();
        int tries = 0;
        String last = "no checkpoint committed";
        Http.Call evidence = null;
        while (System.nanoTime() < deadline) {
            tries++;
            TriggerChecks.Triggered t = triggers.trigger("final");
            evidence = t.last();
            if (!t.ok()) {
                last = "the trigger failed";
                break;
            }
            String status = triggers.awaitFinal(t.id(), Duration.ofNanos(Math.max(0, deadline - System.nanoTime())),
                    "final checkpoint " + t.id());
            if (!"committed".equals(status)) {
                last = "final checkpoint " + t.id() + (status == null ? " still pending" : " " + status);
                continue;
            }
            Map<Integer, Long> reached = reached(t.id());
            List<Integer> behind = ends.keySet().stream().filter(p -> reached.getOrDefault(p, 0L) < ends.get(p)).toList();
            if (behind.isEmpty()) {
                finalId = t.id();
                return Outcome.pass(Rules.DRAIN, String.format("checkpoint %d reaches %s after %d trigger(s), %.1f s",
                        t.id(), ends, tries, (System.nanoTime() - start) / 1e9));
            }
            last = "final checkpoint " + t.id() + " reaches " + reached + ", the input ends at " + ends;
            Waits.sleep(500);
        }
        return Outcome.fail(Rules.DRAIN, last + " (" + tries + " triggers in " + DRAIN_BOUND.toSeconds() + " s)",
                evidence == null ? List.of() : List.of(evidence.describe()));
    }

    /** The highest position per partition any part of {@code id} names, as the drain reads it. */
    private Map<Integer, Long> reached(long id) {
        Map<Integer, Long> reached = new HashMap<>();
        JsonNode list = Http.get(cluster.committer().control(), "/checkpoints").json();
        Set<String> nodes = new HashSet<>();
        if (list != null) {
            list.forEach(e -> {
                if (e.path("id").asLong() == id) {
                    e.path("nodes").forEach(n -> nodes.add(n.asText()));
                }
            });
        }
        for (String n : nodes) {
            KitCluster.Member m = cluster.member(n);
            JsonNode part = m == null ? null : Http.get(m.control(), "/checkpoints/" + id + "/content").json();
            if (part != null) {
                Encodings.fields(part.path("positions")).forEach((p, v) -> {
                    if (p.matches("[0-9]+")) {
                        reached.merge(Integer.parseInt(p), v.asLong(), Math::max);
                    }
                });
            }
        }
        return reached;
    }

    /** No prepared transaction of checkpoints up to {@code finalId} once the system had a few quiet seconds. */
    Outcome prepared(long finalId) {
        Http.Call all = Http.get(cluster.outputStore(), "/transactions");
        if (all.json() != null && all.json().isArray() && all.json().isEmpty()) {
            return Outcome.skip(Rules.OUTPUT_PREPARED, "the system wrote no transaction to the output store");
        }
        if (finalId == 0) {
            return Outcome.skip(Rules.OUTPUT_PREPARED, "no final checkpoint reached the input's end");
        }
        Http.Call[] last = {null};
        long took = waits.until("prepared transactions up to checkpoint " + finalId + " to commit", QUIET_BOUND, 200,
                () -> {
                    last[0] = Http.get(cluster.outputStore(), "/transactions?state=prepared");
                    JsonNode txns = last[0].json();
                    if (txns == null || !txns.isArray()) {
                        return false;
                    }
                    for (JsonNode t : txns) {
                        if (t.path("checkpoint").asLong(Long.MAX_VALUE) <= finalId) {
                            return false;
                        }
                    }
                    return true;
                });
        if (took < 0) {
            return Outcome.fail(Rules.OUTPUT_PREPARED, "transactions of checkpoints up to " + finalId
                    + " still prepared " + QUIET_BOUND.toSeconds() + " s after it committed", last[0].describe());
        }
        return Outcome.pass(Rules.OUTPUT_PREPARED, "settled " + took + " ms after checkpoint " + finalId);
    }

    /** Each (partition, offset) at most once in the committed output. */
    Outcome once() {
        Http.Call page = Http.get(cluster.outputStore(), "/output?from=0&max=100000");
        JsonNode body = page.json();
        if (body == null || !body.path("records").isArray()) {
            return Outcome.fail(Rules.OUTPUT_ONCE, "the output store could not be read", page.describe());
        }
        JsonNode records = body.path("records");
        if (records.isEmpty()) {
            return Outcome.skip(Rules.OUTPUT_ONCE, "the system committed no output");
        }
        Map<String, JsonNode> first = new HashMap<>();
        for (JsonNode entry : records) {
            JsonNode r = entry.path("record");
            if (!r.path("partition").isIntegralNumber() || !r.path("offset").isIntegralNumber()) {
                return Outcome.skip(Rules.OUTPUT_ONCE, "output records name no input partition and offset");
            }
            String key = r.path("partition").asLong() + "/" + r.path("offset").asLong();
            JsonNode earlier = first.putIfAbsent(key, entry);
            if (earlier != null) {
                return Outcome.fail(Rules.OUTPUT_ONCE, "input record " + key + " is in the output twice (txn "
                        + earlier.path("txn").asText() + " and " + entry.path("txn").asText() + ")",
                        page.uri() + " → seq " + earlier.path("seq") + " " + Http.clip(earlier.toString()),
                        page.uri() + " → seq " + entry.path("seq") + " " + Http.clip(entry.toString()));
            }
        }
        return Outcome.pass(Rules.OUTPUT_ONCE, records.size() + " output records, each input record once");
    }
}
