package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Section 2, the control endpoint's plain answers, on every node at once: {@code /health} names
 * the node as its file does, and errors are told apart by status (an unknown path 404, another
 * method 405, a body or query the node cannot read 400), each with a one-line {@code {"error"}}.
 * The harness relies on both: it polls {@code /health} to know when to start and stop, and
 * treats a 4xx as a refusal, a 5xx or garbage as a broken node.
 */
final class ControlChecks {

    static final Set<String> STATUSES = Set.of("starting", "running", "recovering");

    private final KitCluster cluster;

    ControlChecks(KitCluster cluster) {
        this.cluster = cluster;
    }

    List<Outcome> run() {
        Findings health = new Findings(Rules.HEALTH);
        Findings notFound = new Findings(Rules.NOT_FOUND);
        Findings wrongMethod = new Findings(Rules.WRONG_METHOD);
        Findings badRequest = new Findings(Rules.BAD_REQUEST);
        Parallel.each(cluster.members(), m -> {
            health(m, health);
            expect(notFound, 404, Http.get(m.control(), "/cutcheck-no-such-path"), m);
            expect(notFound, 404, Http.get(m.control(), "/health/cutcheck-no-such-path"), m);
            expect(wrongMethod, 405, Http.post(m.control(), "/health", "{}"), m);
            expect(wrongMethod, 405, Http.call("DELETE", m.control(), "/checkpoints", null, Http.TIMEOUT), m);
            expect(badRequest, 400, Http.get(m.control(), "/events?since=cutcheck"), m);
            expect(badRequest, 400, Http.get(m.control(), "/events?max=cutcheck"), m);
            if (m.committer()) {
                expect(badRequest, 400, Http.put(m.control(), "/triggers", "{\"intervalMs\": nope"), m);
                expect(badRequest, 400, Http.post(m.control(), "/checkpoints/trigger", "{\"reason\": nope"), m);
            }
        });
        int n = cluster.members().size();
        return List.of(health.outcome(Report.count(n, "node")), notFound.outcome(2 * n + " calls"),
                wrongMethod.outcome(2 * n + " calls"), badRequest.outcome((2 * n + 2) + " calls"));
    }

    private void health(KitCluster.Member m, Findings f) {
        Http.Call call = Http.get(m.control(), "/health");
        JsonNode h = call.json();
        if (!f.require(call.status() == 200, m.name() + " answered " + status(call), call)
                || !f.require(h != null && h.isObject(), m.name() + ": the body is not a JSON object", call)) {
            return;
        }
        f.require(call.contentType().startsWith("application/json"), m.name() + ": Content-Type '"
                + call.contentType() + "', not application/json", call);
        f.require(h.path("protocol").isIntegralNumber() && h.path("protocol").asInt() == 1,
                m.name() + ": protocol is " + h.path("protocol") + ", not 1", call);
        f.require(cluster.system().name().equals(h.path("system").asText(null)),
                m.name() + ": system is " + h.path("system") + ", not \"" + cluster.system().name() + "\"", call);
        f.require(m.name().equals(h.path("node").asText(null)), m.name() + ": node is " + h.path("node"), call);
        f.require(m.role().equals(h.path("role").asText(null)),
                m.name() + ": role is " + h.path("role") + ", not \"" + m.role() + "\"", call);
        f.require(h.path("status").isTextual() && STATUSES.contains(h.path("status").asText()),
                m.name() + ": status " + h.path("status") + " is none of starting, running, recovering", call);
        f.require(h.path("incarnation").isIntegralNumber(), m.name() + ": incarnation " + h.path("incarnation")
                + " is not a number", call);
        f.require(h.has("restoredFrom") && (h.get("restoredFrom").isNull() || h.get("restoredFrom").isIntegralNumber()),
                m.name() + ": restoredFrom " + (h.has("restoredFrom") ? h.get("restoredFrom") : "missing")
                        + " is neither null nor an id", call);
    }

    /** The call must answer {@code status} with an error body. */
    static void expect(Findings f, int status, Http.Call call, KitCluster.Member m) {
        if (call.status() != status) {
            f.problem(m.name() + " answered " + call.method() + " " + call.uri().getRawPath()
                    + (call.uri().getRawQuery() == null ? "" : "?" + call.uri().getRawQuery()) + " with "
                    + status(call) + ", not " + status, call);
        } else if (!Http.isErrorBody(call)) {
            f.problem(m.name() + ": " + status + " without a one-line {\"error\"} body", call);
        }
    }

    static String status(Http.Call call) {
        return call.answered() ? Integer.toString(call.status()) : "no answer";
    }
}
