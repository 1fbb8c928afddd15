package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A node that breaks one protocol rule, for the conformance kit's and the harness's tests:
 * {@code BrokenNode MODE NODE COMMAND… --node-config FILE} runs the real node COMMAND and, for the
 * node named NODE, sits in front of its control endpoint, passing every call through except
 * what MODE breaks:
 * <ul>
 *   <li>{@code unknown-path-200}: an unknown path answers {@code 200 {}} instead of 404;</li>
 *   <li>{@code reuse-id}: after a restart, the first trigger answers the highest id the node
 *       answered before it (kept in a file next to the node-config) instead of a new one;</li>
 *   <li>{@code config-exit-1}: a node-config file that is not JSON makes every node print two
 *       lines and exit with status 1 instead of one line and 2;</li>
 *   <li>{@code health-garbage}: {@code GET /health} answers text that is not JSON;</li>
 *   <li>{@code health-starting}: {@code GET /health} answers a status that never becomes
 *       {@code running}, while the rest of the system works and commits checkpoints;</li>
 *   <li>{@code silent}: the control port accepts connections and never answers a byte (a node
 *       wedged in a deadlock, say), while the node behind it runs;</li>
 *   <li>{@code trigger-refused}: {@code POST /checkpoints/trigger} always answers {@code 409}, as if
 *       a checkpoint were forever in flight: a system that never commits.</li>
 * </ul>
 * A file it cannot read as a node config goes to the real node unchanged (except in
 * {@code config-exit-1}), so only the chosen rule breaks.
 */
public final class BrokenNode {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String target = args[1];
        List<String> command = new ArrayList<>(Arrays.asList(args).subList(2, args.length - 2));
        Path config = Path.of(args[args.length - 1]);
        ObjectNode node = read(config);
        if (mode.equals("config-exit-1") && node == null) {
            System.err.println("broken node: cannot read " + config);
            System.err.println("(and a second line)");
            System.exit(1);
        }
        if (node == null || !node.path("node").asText().equals(target) || !node.path("controlPort").isInt()
                || mode.equals("config-exit-1")) {
            command.addAll(List.of("--node-config", config.toString()));
            System.exit(new ProcessBuilder(command).inheritIO().start().waitFor());
        }
        String host = node.path("bindHost").asText();
        int publicPort = node.path("controlPort").asInt();
        int innerPort;
        try (ServerSocket free = new ServerSocket(0)) {
            innerPort = free.getLocalPort();
        }
        node.put("controlPort", innerPort);
        Path inner = config.resolveSibling("inner-node-config.json");
        JSON.writeValue(inner.toFile(), node);
        command.addAll(List.of("--node-config", inner.toString()));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroyForcibly));
        Path ids = config.resolveSibling("broken-node-ids.txt");
        if (mode.equals("silent")) {
            acceptAndNeverAnswer(host, publicPort);
            System.exit(child.waitFor());
        }
        AtomicBoolean reuseNext = new AtomicBoolean(Files.exists(ids));
        URI upstream = URI.create("http://" + host + ":" + innerPort);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, publicPort), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                String asked = exchange.getRequestURI().getPath();
                if (mode.startsWith("health-") && asked.equals("/health")) {
                    String health = mode.equals("health-garbage") ? "<html>all good, probably</html>"
                            : "{\"node\":\"" + target + "\",\"status\":\"starting\"}";
                    reply(exchange, 200, health.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                if (mode.equals("trigger-refused") && asked.equals("/checkpoints/trigger")) {
                    reply(exchange, 409, "{\"error\":\"a checkpoint is in flight\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                HttpResponse<byte[]> answer = forward(exchange, upstream);
                if (answer == null) {
                    return; // the real node is down or not up yet: closed without an answer, as it would be
                }
                int status = answer.statusCode();
                byte[] body = answer.body();
                String path = exchange.getRequestURI().getPath();
                if (mode.equals("unknown-path-200") && status == 404 && !path.endsWith("/content")) {
                    status = 200;
                    body = "{}".getBytes(StandardCharsets.UTF_8);
                }
                if (mode.equals("reuse-id") && status == 202 && path.equals("/checkpoints/trigger")) {
                    body = reuse(body, ids, reuseNext);
                }
                reply(exchange, status, body);
            }
        });
        server.start();
        System.exit(child.waitFor());
    }

    /** Holds every connection open, reading nothing and writing nothing, on a daemon thread. */
    private static void acceptAndNeverAnswer(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(host, port), 64);
        List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(server.accept());
                }
            } catch (IOException closed) {
                // the process is ending
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Remembers the highest id answered; the first answer after a restart gives that one again. */
    private static synchronized byte[] reuse(byte[] body, Path ids, AtomicBoolean reuseNext) throws IOException {
        long id = JSON.readTree(body).path("id").asLong();
        long highest = Files.exists(ids) ? Long.parseLong(Files.readString(ids).trim()) : 0;
        if (reuseNext.getAndSet(false) && highest > 0) {
            return ("{\"id\":" + highest + "}").getBytes(StandardCharsets.UTF_8);
        }
        Files.writeString(ids, Long.toString(Math.max(id, highest)));
        return body;
    }

    private static ObjectNode read(Path config) {
        try {
            JsonNode node = JSON.readTree(config.toFile());
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static HttpResponse<byte[]> forward(HttpExchange exchange, URI upstream) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
