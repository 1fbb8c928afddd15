package io.cutcheck.cli.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cutcheck.harness.system.SystemDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A node for the kit's unit tests that follows the protocol's control endpoints (section 2) by
 * hand, with a few events, a mutable checkpoint list and settable triggers. A test breaks one
 * answer with {@link #override}: "METHOD /path" → the reply to give instead.
 */
final class NodeDouble implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What a route answers. */
    record Answer(int status, String body) {}

    final String name;
    final String role;
    final long incarnation = 1_764_000_000_000L;
    final ArrayNode events = JSON.createArrayNode();
    volatile ArrayNode checkpoints = JSON.createArrayNode();
    volatile long intervalMs = 1000;
    volatile long everyRecords = 0;
    volatile long nextId = 1;
    final Map<String, Function<HttpExchange, Answer>> overrides = new ConcurrentHashMap<>();
    private final HttpServer server;

    NodeDouble(String name, String role) throws IOException {
        this.name = name;
        this.role = role;
        event("started").putObject("detail").put("incarnation", incarnation);
        event("restore-started");
        event("restored");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::serve);
        server.start();
    }

    ObjectNode event(String type) {
        ObjectNode e = events.addObject();
        e.put("seq", events.size() - 1).put("node", name).put("time", System.currentTimeMillis()).put("type", type)
                .putNull("checkpoint");
        e.putObject("detail");
        return e;
    }

    void override(String route, Answer answer) {
        overrides.put(route, x -> answer);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    KitCluster.Member member(boolean committer) {
        return new KitCluster.Member(name, role, 0, uri(), committer);
    }

    /** A system whose committing node is the coordinator with index 0. */
    static SystemDefinition system(String workload) {
        return new SystemDefinition("double", "a hand-written node", workload, 1, 1, List.of("true"),
                (workers, partitions) -> List.of(), "coordinator", 0, true, Optional.empty(), Map.of(), Map.of(),
                Optional.empty());
    }

    private void serve(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            byte[] body = x.getRequestBody().readAllBytes();
            Function<HttpExchange, Answer> override = overrides.get(method + " " + path);
            Answer a = override != null ? override.apply(x) : route(method, path, x.getRequestURI().getRawQuery(), body);
            x.getResponseHeaders().set("Content-Type", "application/json");
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Answer route(String method, String path, String query, byte[] body) {
        Map<String, String> q = query(query);
        boolean known = path.equals("/health") || path.equals("/events") || path.equals("/checkpoints")
                || path.equals("/checkpoints/trigger") || path.equals("/triggers") || path.matches("/checkpoints/\\d+/content");
        if (!known) {
            return error(404, "no such path");
        }
        String route = method + " " + (path.matches("/checkpoints/\\d+/content") ? "/checkpoints/{id}/content" : path);
        JsonNode json;
        try {
            json = body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
        } catch (IOException e) {
            return error(400, "bad JSON");
        }
        switch (route) {
            case "GET /health":
                return ok(JSON.createObjectNode().put("protocol", 1).put("system", "double").put("node", name)
                        .put("role", role).put("status", "running").put("incarnation", incarnation).putNull("restoredFrom"));
            case "GET /events": {
                long since;
                long max;
                try {
                    since = Long.parseLong(q.getOrDefault("since", "0"));
                    max = Long.parseLong(q.getOrDefault("max", "10000"));
                } catch (NumberFormatException e) {
                    return error(400, "bad query");
                }
                ObjectNode page = JSON.createObjectNode().put("incarnation", incarnation);
                ArrayNode list = page.putArray("events");
                for (long s = Math.max(0, since); s < events.size() && list.size() < max; s++) {
                    list.add(events.get((int) s));
                }
                page.put("next", list.isEmpty() ? events.size() : list.get(list.size() - 1).path("seq").asLong() + 1);
                return ok(page);
            }
            case "GET /checkpoints":
                return ok(checkpoints);
            case "POST /checkpoints/trigger":
                return new Answer(202, "{\"id\":" + nextId++ + "}");
            case "GET /triggers":
                return ok(triggers());
            case "PUT /triggers":
                if (json.path("intervalMs").asLong(0) < 0 || json.path("everyRecords").asLong(0) < 0) {
                    return error(400, "negative");
                }
                intervalMs = json.has("intervalMs") ? json.get("intervalMs").asLong() : intervalMs;
                everyRecords = json.has("everyRecords") ? json.get("everyRecords").asLong() : everyRecords;
                return ok(triggers());
            case "GET /checkpoints/{id}/content":
                return error(404, "no part");
            default:
                return error(405, "method not allowed");
        }
    }

    private ObjectNode triggers() {
        return JSON.createObjectNode().put("intervalMs", intervalMs).put("everyRecords", everyRecords);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new java.util.HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return q;
    }

    static Answer ok(JsonNode body) {
        return new Answer(200, body.toString());
    }

    static Answer error(int status, String message) {
        return new Answer(status, JSON.createObjectNode().put("error", message).toString());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
