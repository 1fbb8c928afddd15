package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.services.InputLogReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sections 2 and 6, what a committed checkpoint holds: the checkers judge a system only through
 * {@code GET /checkpoints/{id}/content}, so the parts must come in the shared shape and in the
 * workload's logical encoding ({@link Encodings}), and together make one cut of the input. Each
 * committed checkpoint the kit is given is fetched from the nodes its committing node names;
 * an id no node holds must answer 404. A 404 for a named part is asked again for a few seconds,
 * since a node may learn of the commit after the committing node lists it.
 */
final class ContentChecks {

    static final long NO_SUCH_ID = 9_000_000_000_000_000_000L;
    static final long PART_RETRY_MILLIS = 5000;

    private final KitCluster cluster;
    private final String workload;
    private final Map<String, JsonNode> options;
    private final Findings content = new Findings(Rules.CONTENT);
    private final Findings none = new Findings(Rules.CONTENT_NONE);
    private final Findings encoding = new Findings(Rules.ENCODING);
    private final Findings addsUp = new Findings(Rules.ADDS_UP);
    private final List<String> judged = new ArrayList<>();

    ContentChecks(KitCluster cluster, String workload, Map<String, JsonNode> options) {
        this.cluster = cluster;
        this.workload = workload;
        this.options = options;
    }

    /** Every node must answer 404 for an id it cannot hold. */
    void noSuchId() {
        Parallel.each(cluster.members(), m -> ControlChecks.expect(none, 404,
                Http.get(m.control(), "/checkpoints/" + NO_SUCH_ID + "/content"), m));
    }

    /** Fetches and judges every part of committed checkpoint {@code id}. */
    void check(long id) {
        Http.Call list = Http.get(cluster.committer().control(), "/checkpoints");
        List<String> nodes = new ArrayList<>();
        if (list.json() != null) {
            for (JsonNode e : list.json()) {
                if (e.path("id").asLong() == id) {
                    e.path("nodes").forEach(n -> nodes.add(n.asText()));
                }
            }
        }
        if (!content.require(!nodes.isEmpty(), "the committing node names no nodes for committed checkpoint " + id,
                list)) {
            return;
        }
        Map<String, JsonNode> parts = new LinkedHashMap<>();
        Map<String, Http.Call> calls = new LinkedHashMap<>();
        Parallel.each(nodes.stream().filter(n -> cluster.member(n) != null).toList(), n -> {
            Http.Call call = fetch(cluster.member(n), id);
            synchronized (parts) {
                calls.put(n, call);
                if (part(cluster.member(n), id, call)) {
                    parts.put(n, call.json());
                }
            }
        });
        if (parts.size() < nodes.size()) {
            return;
        }
        Map<Integer, List<JsonNode>> input = new InputLogReader(cluster.inputLog()).readAll().result().orElse(null);
        if (input == null) {
            addsUp.problem("the input log could not be read to judge checkpoint " + id);
            return;
        }
        Encodings.Judge judge = workload.equals("bank") ? new Encodings.Bank(options) : new Encodings.Stream();
        String shown = "GET /checkpoints/" + id + "/content on " + String.join(", ", nodes);
        judge.encoding(parts, input).forEach(p -> encoding.problem("checkpoint " + id + ": " + p, shown));
        judge.addsUp(parts, input).forEach(p -> addsUp.problem("checkpoint " + id + ": " + p, shown));
        synchronized (judged) {
            judged.add(id + " (" + judge.summary(parts) + ")");
        }
    }

    private Http.Call fetch(KitCluster.Member m, long id) {
        long deadline = System.nanoTime() + PART_RETRY_MILLIS * 1_000_000;
        while (true) {
            Http.Call call = Http.get(m.control(), "/checkpoints/" + id + "/content");
            if (call.status() != 404 || System.nanoTime() > deadline || !Waits.sleep(200)) {
                return call;
            }
        }
    }

    /** The shared shape of a part; false when it is too broken to judge further. */
    private boolean part(KitCluster.Member m, long id, Http.Call call) {
        JsonNode c = call.json();
        if (!content.require(call.status() == 200 && c != null && c.isObject(), m.name() + " answered "
                + ControlChecks.status(call) + " for its part of committed checkpoint " + id, call)) {
            return false;
        }
        boolean ok = content.require(c.path("id").asLong(-1) == id && m.name().equals(c.path("node").asText(null)),
                m.name() + ": the part does not name id " + id + " and node " + m.name(), call);
        ok &= content.require(c.path("positions").isObject() && positions(c.path("positions")), m.name()
                + ": positions is not {\"<partition>\": offset}", call);
        ok &= content.require(c.path("state").isObject(), m.name() + ": state is not an object", call);
        ok &= content.require(c.path("channels").isObject(), m.name() + ": channels is not an object", call);
        return ok;
    }

    private static boolean positions(JsonNode positions) {
        for (Iterator<Map.Entry<String, JsonNode>> it = positions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("0|[1-9][0-9]*") || !e.getValue().isIntegralNumber() || e.getValue().asLong() < 0) {
                return false;
            }
        }
        return true;
    }

    List<Outcome> outcomes() {
        String note = judged.isEmpty() ? "" : "checkpoint " + String.join(", ", judged);
        if (judged.isEmpty() && content.clean()) {
            Outcome skip = Outcome.skip(Rules.CONTENT, "no checkpoint committed");
            return List.of(skip, none.outcome(Report.count(cluster.members().size(), "node")),
                    Outcome.skip(Rules.ENCODING, "no checkpoint committed"), Outcome.skip(Rules.ADDS_UP,
                            "no checkpoint committed"));
        }
        return List.of(content.outcome(note), none.outcome(Report.count(cluster.members().size(), "node")),
                judged.isEmpty() ? Outcome.skip(Rules.ENCODING, "no part could be read")
                        : encoding.outcome(workload + ", " + Report.count(judged.size(), "checkpoint")),
                judged.isEmpty() ? Outcome.skip(Rules.ADDS_UP, "no part could be read") : addsUp.outcome(note));
    }
}
