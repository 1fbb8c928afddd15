package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Section 2, the harness's two levers on checkpoints: {@code POST /checkpoints/trigger} (the
 * drain's final checkpoint) and {@code /triggers} (the drain turns automatic triggers off). The
 * trigger must answer 202 with the new id, or 409 while it cannot (the drain retries those);
 * every id it answers is kept for the id rule. {@code PUT /triggers} must refuse a negative
 * value or a body that is not JSON with 400 and leave the settings as they were.
 */
final class TriggerChecks {

    /** What one trigger, retried over 409s, came to: the id, or the last call when there is none. */
    record Triggered(long id, Http.Call last, int refusals) {
        boolean ok() {
            return id > 0;
        }
    }

    static final Duration TRIGGER_RETRY = Duration.ofSeconds(10);

    private final KitCluster cluster;
    private final Waits waits;
    private final List<Long> answered = new CopyOnWriteArrayList<>();
    private final Findings trigger = new Findings(Rules.TRIGGER);

    TriggerChecks(KitCluster cluster, Waits waits) {
        this.cluster = cluster;
        this.waits = waits;
    }

    /** Ids the committing node answered, in order. */
    List<Long> answered() {
        return List.copyOf(answered);
    }

    /** The trigger rule's findings, shared by every trigger the kit makes. */
    Findings triggerFindings() {
        return trigger;
    }

    /** Triggers on the committing node, retrying 409 every 300 ms for {@link #TRIGGER_RETRY}. */
    Triggered trigger(String reason) {
        long deadline = System.nanoTime() + TRIGGER_RETRY.toNanos();
        int refusals = 0;
        Http.Call call;
        while (true) {
            call = Http.post(cluster.committer().control(), "/checkpoints/trigger", "{\"reason\":\"" + reason + "\"}");
            JsonNode body = call.json();
            if (call.status() == 202) {
                if (trigger.require(body != null && body.path("id").isIntegralNumber() && body.path("id").asLong() > 0,
                        "202 without a positive integer id", call)) {
                    answered.add(body.path("id").asLong());
                    return new Triggered(body.path("id").asLong(), call, refusals);
                }
                return new Triggered(-1, call, refusals);
            }
            if (call.status() == 409) {
                refusals++;
                trigger.require(Http.isErrorBody(call), "409 without a one-line {\"error\"} body", call);
            } else {
                trigger.problem("the committing node answered " + ControlChecks.status(call) + ", not 202 or 409", call);
                return new Triggered(-1, call, refusals);
            }
            if (System.nanoTime() > deadline || !Waits.sleep(300)) {
                trigger.problem("409 for " + TRIGGER_RETRY.toSeconds() + " s (" + refusals + " tries)", call);
                return new Triggered(-1, call, refusals);
            }
        }
    }

    /** The status the committing node lists {@code id} with once it is final, or null after {@code timeout}. */
    String awaitFinal(long id, Duration timeout, String label) {
        String[] status = {null};
        waits.until(label, timeout, 100, () -> {
            JsonNode list = Http.get(cluster.committer().control(), "/checkpoints").json();
            if (list != null && list.isArray()) {
                for (JsonNode e : list) {
                    if (e.path("id").asLong() == id && !e.path("status").asText().equals("pending")) {
                        status[0] = e.path("status").asText();
                    }
                }
            }
            return status[0] != null;
        });
        return status[0];
    }

    /** The reason the committing node lists for {@code id}, or null. */
    String reasonOf(long id) {
        JsonNode list = Http.get(cluster.committer().control(), "/checkpoints").json();
        if (list != null && list.isArray()) {
            for (JsonNode e : list) {
                if (e.path("id").asLong() == id) {
                    return e.path("reason").asText(null);
                }
            }
        }
        return null;
    }

    /** Triggers on every other node: each must refuse with 409 or, if it initiates checkpoints, start one. */
    Outcome others() {
        List<KitCluster.Member> others = cluster.members().stream().filter(m -> !m.committer()).toList();
        if (others.isEmpty()) {
            return Outcome.skip(Rules.TRIGGER_OTHERS, "the system has no node but the committing one");
        }
        Findings f = new Findings(Rules.TRIGGER_OTHERS);
        int[] started = {0};
        Parallel.each(others, m -> {
            Http.Call call = Http.post(m.control(), "/checkpoints/trigger", "{\"reason\":\"external\"}");
            JsonNode body = call.json();
            if (call.status() == 202) {
                f.require(body != null && body.path("id").isIntegralNumber() && body.path("id").asLong() > 0,
                        m.name() + ": 202 without a positive integer id", call);
                synchronized (started) {
                    started[0]++;
                }
            } else if (call.status() == 409) {
                f.require(Http.isErrorBody(call), m.name() + ": 409 without a one-line {\"error\"} body", call);
            } else {
                f.problem(m.name() + " answered " + ControlChecks.status(call) + ", not 409 or 202", call);
            }
        });
        return f.outcome(Report.count(others.size(), "node") + ": " + (others.size() - started[0]) + " answered 409, "
                + started[0] + " 202");
    }

    /** PUT /triggers refusals first, then changes; the configured settings are put back at the end. */
    List<Outcome> triggers(long intervalMs, long everyRecords) {
        KitCluster.Member c = cluster.committer();
        Findings invalid = new Findings(Rules.TRIGGERS_INVALID);
        Findings valid = new Findings(Rules.TRIGGERS);
        String configured = "{\"intervalMs\":" + intervalMs + ",\"everyRecords\":" + everyRecords + "}";
        Http.Call get = Http.get(c.control(), "/triggers");
        valid.require(get.status() == 200 && same(get.json(), intervalMs, everyRecords),
                "GET /triggers does not give the configured " + configured, get);
        for (String bad : List.of("{\"intervalMs\":-5}", "{\"everyRecords\":-1}", "{\"intervalMs\": nope")) {
            ControlChecks.expect(invalid, 400, Http.put(c.control(), "/triggers", bad), c);
        }
        Http.Call after = Http.get(c.control(), "/triggers");
        invalid.require(after.status() == 200 && same(after.json(), intervalMs, everyRecords),
                "the refused PUTs changed the triggers", after);
        long changed = intervalMs + 1;
        Http.Call put = Http.put(c.control(), "/triggers", "{\"intervalMs\":" + changed + "}");
        valid.require(put.status() == 200 && same(put.json(), changed, everyRecords),
                "PUT {\"intervalMs\":" + changed + "} did not answer the new settings with everyRecords kept", put);
        Http.Call read = Http.get(c.control(), "/triggers");
        valid.require(read.status() == 200 && same(read.json(), changed, everyRecords),
                "GET /triggers after the PUT does not give it", read);
        Http.Call back = Http.put(c.control(), "/triggers", configured);
        valid.require(back.status() == 200 && same(back.json(), intervalMs, everyRecords),
                "PUT " + configured + " did not answer it", back);
        return List.of(valid.outcome("on " + c.name()), invalid.outcome("on " + c.name()));
    }

    private static boolean same(JsonNode t, long intervalMs, long everyRecords) {
        return t != null && t.path("intervalMs").isIntegralNumber() && t.path("intervalMs").asLong() == intervalMs
                && t.path("everyRecords").isIntegralNumber() && t.path("everyRecords").asLong() == everyRecords;
    }
}
