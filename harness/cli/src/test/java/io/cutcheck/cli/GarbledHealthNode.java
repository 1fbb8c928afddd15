package io.cutcheck.cli;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hostile node for tests: {@code GarbledHealthNode MODE NODE COMMAND… --node-config FILE} runs
 * the real node COMMAND, but for the node named NODE it sits in front of the control endpoint and
 * answers {@code GET /health} with text that is not JSON ({@code garbage}) or with a status that
 * never becomes running ({@code starting}), passing every other call through. The rest of the
 * system works, so checkpoints commit while the harness waits in vain for health.
 */
public final class GarbledHealthNode {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String garbled = args[1];
        List<String> command = new ArrayList<>(Arrays.asList(args).subList(2, args.length - 2));
        Path config = Path.of(args[args.length - 1]);
        ObjectNode node = (ObjectNode) JSON.readTree(config.toFile());
        if (!node.path("node").asText().equals(garbled)) {
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
        HttpServer server = HttpServer.create(new InetSocketAddress(host, publicPort), 16);
        URI upstream = URI.create("http://" + host + ":" + innerPort);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().equals("/health")) {
                    String body = mode.equals("garbage") ? "<html>all good, probably</html>"
                            : "{\"node\":\"" + garbled + "\",\"status\":\"starting\"}";
                    reply(exchange, 200, body.getBytes(StandardCharsets.UTF_8));
                } else {
                    forward(exchange, upstream);
                }
            }
        });
        server.start();
        System.exit(child.waitFor());
    }

    private static void forward(HttpExchange exchange, URI upstream) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply(exchange, response.statusCode(), response.body());
        } catch (IOException | InterruptedException e) {
            reply(exchange, 502, new byte[0]);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
