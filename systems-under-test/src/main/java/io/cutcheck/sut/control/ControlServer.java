package io.cutcheck.sut.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.HttpApi;
import io.cutcheck.sut.http.HttpReply;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control endpoint of a node (PROTOCOL.md section 2). A system adds its own endpoints with
 * {@link #route}; the common ones are served from a {@link ControlNode} and the node's {@link EventLog}.
 */
public final class ControlServer implements AutoCloseable {
    private static final int MAX_EVENTS_PER_PAGE = 10_000;
    private final HttpApi api;

    public ControlServer(String host, int port, ControlNode node, EventLog events, long incarnation) {
        api = new HttpApi(host, port);
        api.route("GET", "/health", r -> HttpReply.ok(node.health()));
        api.route("GET", "/events", r -> {
            EventLog.Page page = events.since(r.queryLong("since", 0), (int) Math.min(
                    r.queryLong("max", MAX_EVENTS_PER_PAGE), MAX_EVENTS_PER_PAGE));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("incarnation", incarnation);
            body.put("events", page.events());
            body.put("next", page.next());
            return HttpReply.ok(body);
        });
        api.route("GET", "/checkpoints", r -> HttpReply.ok(node.checkpoints()));
        api.route("GET", "/checkpoints/{id}/content", r -> node.content(r.pathLong("id"))
                .map(HttpReply::ok)
                .orElseGet(() -> HttpReply.error(404,
                        "no committed part of checkpoint " + r.path("id") + " on this node")));
        api.route("POST", "/checkpoints/trigger", r -> {
            JsonNode body = r.json();
            String reason = body.path("reason").asText("external");
            try {
                return HttpReply.json(202, Map.of("id", node.trigger(reason)));
            } catch (TriggerRejectedException e) {
                return HttpReply.error(409, e.getMessage());
            }
        });
        api.route("GET", "/triggers", r -> HttpReply.ok(node.triggers()));
        api.route("PUT", "/triggers", r -> {
            JsonNode body = r.json();
            Long interval = body.hasNonNull("intervalMs") ? body.get("intervalMs").asLong() : null;
            Long records = body.hasNonNull("everyRecords") ? body.get("everyRecords").asLong() : null;
            if ((interval != null && interval < 0) || (records != null && records < 0)) {
                return HttpReply.error(400, "intervalMs and everyRecords must be >= 0");
            }
            try {
                return HttpReply.ok(node.updateTriggers(interval, records));
            } catch (TriggerRejectedException e) {
                return HttpReply.error(409, e.getMessage());
            }
        });
    }

    /** Registers a system-specific endpoint (e.g. the marker system's {@code GET /balances}). */
    public ControlServer route(String method, String template, HttpApi.Handler handler) {
        api.route(method, template, handler);
        return this;
    }

    public ControlServer start() {
        api.start();
        return this;
    }

    @Override
    public void close() {
        api.close();
    }
}
