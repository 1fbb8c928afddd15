package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.sut.SutClient;
import java.util.List;

/**
 * Section 2, {@code GET /events}: the harness reads every node's events by paging with
 * {@code since} and {@code next}, and tells a restart by the incarnation, so a page that skips,
 * repeats or misnumbers events makes it miss a commit or a restore. Checked on every node at
 * once, on a young node whose events all still fit in its memory, so nothing may be skipped.
 */
final class EventChecks {

    private final KitCluster cluster;

    EventChecks(KitCluster cluster) {
        this.cluster = cluster;
    }

    List<Outcome> run() {
        Findings page = new Findings(Rules.EVENTS_PAGE);
        Findings beyond = new Findings(Rules.EVENTS_BEYOND);
        Findings shape = new Findings(Rules.EVENTS_SHAPE);
        Parallel.each(cluster.members(), m -> node(m, page, beyond, shape));
        String note = Report.count(cluster.members().size(), "node");
        return List.of(page.outcome(note), beyond.outcome(note), shape.outcome(note));
    }

    private void node(KitCluster.Member m, Findings page, Findings beyond, Findings shape) {
        Http.Call health = Http.get(m.control(), "/health");
        Http.Call all = Http.get(m.control(), "/events?since=0");
        JsonNode body = all.json();
        if (!page.require(all.status() == 200 && body != null && body.isObject(),
                m.name() + ": GET /events?since=0 answered " + ControlChecks.status(all), all)) {
            return;
        }
        if (!page.require(body.path("incarnation").isIntegralNumber() && body.path("events").isArray()
                        && body.path("next").isIntegralNumber(),
                m.name() + ": the page is not {incarnation, events: [...], next}", all)) {
            return;
        }
        JsonNode h = health.json();
        if (h != null && h.path("incarnation").isIntegralNumber()) {
            page.require(h.path("incarnation").asLong() == body.path("incarnation").asLong(), m.name()
                    + ": /events incarnation differs from /health's " + h.path("incarnation"), all);
        }
        JsonNode events = body.path("events");
        long incarnation = body.path("incarnation").asLong();
        shape(m, events, incarnation, all, shape);
        checkSequence(m, events, 0, body.path("next").asLong(), all, page);
        long next = body.path("next").asLong();
        if (events.size() >= 3) {
            Http.Call first = Http.get(m.control(), "/events?since=0&max=2");
            JsonNode p1 = first.json();
            if (page.require(first.status() == 200 && p1 != null && p1.path("events").size() == 2,
                    m.name() + ": max=2 did not give 2 of its " + events.size() + " events", first)) {
                checkSequence(m, p1.path("events"), 0, p1.path("next").asLong(), first, page);
                Http.Call second = Http.get(m.control(), "/events?since=" + p1.path("next").asLong() + "&max=2");
                JsonNode p2 = second.json();
                page.require(second.status() == 200 && p2 != null && p2.path("events").size() >= 1
                                && p2.path("events").get(0).path("seq").asLong() == p1.path("next").asLong(),
                        m.name() + ": the page from next=" + p1.path("next") + " does not start at that seq", second);
            }
        }
        // the very since the aimed faults take their cursor with
        long far = SutClient.BEYOND_ANY_SEQ;
        Http.Call past = Http.get(m.control(), "/events?since=" + far);
        Http.Call after = Http.get(m.control(), "/events?since=" + next);
        JsonNode pb = past.json();
        JsonNode pa = after.json();
        if (beyond.require(past.status() == 200 && pb != null && pb.path("events").isArray()
                        && pb.path("next").isIntegralNumber(),
                m.name() + ": since beyond the newest answered " + ControlChecks.status(past), past)) {
            long got = pb.path("next").asLong();
            long latest = pa == null ? next : pa.path("next").asLong(next);
            beyond.require(pb.path("events").isEmpty(), m.name() + ": since=" + far + " gave events", past);
            beyond.require(got >= next && got <= Math.max(latest, next), m.name() + ": next is " + got
                    + ", not the seq the next event gets (" + next + " before, " + latest + " after)", past);
        }
    }

    /** Events must be numbered from {@code since} on without gaps, and next must follow the last. */
    private static void checkSequence(KitCluster.Member m, JsonNode events, long since, long next, Http.Call call,
                                      Findings f) {
        long expected = since;
        for (JsonNode e : events) {
            if (!f.require(e.path("seq").asLong(-1) == expected, m.name() + ": event seq " + e.path("seq")
                    + " where " + expected + " was due", call)) {
                return;
            }
            expected++;
        }
        f.require(events.isEmpty() ? next >= since : next == expected, m.name() + ": next is " + next
                + " after seq " + (expected - 1), call);
    }

    private static void shape(KitCluster.Member m, JsonNode events, long incarnation, Http.Call call, Findings f) {
        for (JsonNode e : events) {
            boolean ok = e.path("seq").isIntegralNumber() && m.name().equals(e.path("node").asText(null))
                    && e.path("time").isIntegralNumber() && e.path("type").isTextual() && e.has("checkpoint")
                    && (e.get("checkpoint").isNull() || e.get("checkpoint").isIntegralNumber())
                    && e.path("detail").isObject();
            if (!f.require(ok, m.name() + ": event " + Http.clip(e.toString()) + " lacks a field or has a wrong one",
                    call)) {
                break;
            }
        }
        if (!events.isEmpty()) {
            JsonNode first = events.get(0);
            f.require(first.path("seq").asLong() == 0 && "started".equals(first.path("type").asText())
                            && first.path("detail").path("incarnation").asLong(-1) == incarnation,
                    m.name() + ": seq 0 is not started with detail incarnation " + incarnation, call);
        }
    }
}
