package io.cutcheck.harness.runtime.docker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in node for the runtime's tests, with no dependency beyond the JDK so it runs in the
 * bare node image: it reads its node-config, appends a line to {@code <dataDir>/starts} (to see
 * the data directory survive restarts), and serves {@code /health} as the SUT protocol says plus
 * {@code /fetch?url=U}, which GETs U from inside the container (peers by alias, the harness), and
 * {@code /data} on its data port.
 * It reads only the flat top-level fields of the config, which the tests write.
 */
public final class ProbeNode {

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].equals("--node-config")) {
            System.err.println("usage: ProbeNode --node-config FILE");
            System.exit(2);
        }
        String config = Files.readString(Path.of(args[1]));
        String node = field(config, "node");
        String role = field(config, "role");
        long incarnation = System.currentTimeMillis();
        Path dataDir = Files.createDirectories(Path.of(field(config, "dataDir")));
        Files.writeString(dataDir.resolve("starts"), incarnation + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        HttpServer server = HttpServer.create(
                new InetSocketAddress(field(config, "bindHost"), Integer.parseInt(field(config, "controlPort"))), 64);
        String health = "{\"protocol\":1,\"system\":\"probe\",\"node\":\"" + node + "\",\"role\":\"" + role
                + "\",\"status\":\"running\",\"incarnation\":" + incarnation + ",\"restoredFrom\":null}";
        server.createContext("/health", exchange -> answer(exchange, 200, health));
        server.createContext("/fetch", ProbeNode::fetch);
        server.start();
        // the data port answers too, so tests can reach it as a proxy on the host would
        HttpServer data = HttpServer.create(
                new InetSocketAddress(field(config, "bindHost"), Integer.parseInt(field(config, "dataPort"))), 64);
        data.createContext("/data", exchange -> answer(exchange, 200, "{\"node\":\"" + node + "\",\"port\":\"data\"}"));
        data.start();
        System.out.println("probe node " + node + " serving on " + server.getAddress());
    }

    private static void fetch(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String url = URLDecoder.decode(query.substring(query.indexOf('=') + 1), StandardCharsets.UTF_8);
        try {
            URLConnection connection = URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(2000);
            try (InputStream in = connection.getInputStream()) {
                answer(exchange, 200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            answer(exchange, 502, "{\"error\":\"" + e.getClass().getSimpleName() + ": " + e.getMessage() + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("node-config has no " + name);
        }
        return m.group(1);
    }

    private ProbeNode() {}
}
