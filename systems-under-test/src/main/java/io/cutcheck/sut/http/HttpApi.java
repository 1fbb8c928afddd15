package io.cutcheck.sut.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small JSON-over-HTTP server: routes by method and path template ({@code /checkpoints/{id}/content}),
 * answers unknown paths with 404 and handler failures with a one-line {@code {"error":…}}.
 */
public final class HttpApi implements AutoCloseable {

    /** Serves one route. */
    @FunctionalInterface
    public interface Handler {
        HttpReply handle(Request request) throws Exception;
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    static {
        // The JDK server writes a reply's headers and body as separate segments without TCP_NODELAY, so
        // Nagle holds the body until the client's delayed ACK (about 40 ms on Linux): every call would
        // cost that much, capping the sink's output-store writes and the sources' input-log reads.
        // The server reads the property once, when its first instance starts; a value set by the user wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;

    public HttpApi(String host, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        // Long-poll reads hold a thread each, so the pool grows with the callers.
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-" + port);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /** Adds a route; later routes with the same shape do not override earlier ones. */
    public HttpApi route(String method, String template, Handler handler) {
        routes.add(new Route(method, split(template), handler));
        return this;
    }

    public HttpApi start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        HttpReply reply;
        try {
            reply = route(exchange);
        } catch (BadRequestException e) {
            reply = HttpReply.error(e.status(), e.getMessage());
        } catch (JsonProcessingException e) {
            reply = HttpReply.error(400, "bad JSON: " + e.getOriginalMessage().replace('\n', ' '));
        } catch (Exception e) {
            reply = HttpReply.error(500, String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        reply.body().writeTo(buffer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), buffer.size() == 0 ? -1 : buffer.size());
        try (OutputStream out = exchange.getResponseBody()) {
            buffer.writeTo(out);
        }
    }

    private HttpReply route(HttpExchange exchange) throws Exception {
        String[] path = split(exchange.getRequestURI().getRawPath());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = match(route.segments(), path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(exchange.getRequestMethod())) {
                Request request = new Request(exchange.getRequestMethod(), params,
                        query(exchange.getRequestURI().getRawQuery()), exchange.getRequestBody());
                return route.handler().handle(request);
            }
        }
        return pathKnown ? HttpReply.error(405, "method not allowed") : HttpReply.error(404, "no such path");
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), URLDecoder.decode(path[i], StandardCharsets.UTF_8));
            } else if (!t.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }
}
