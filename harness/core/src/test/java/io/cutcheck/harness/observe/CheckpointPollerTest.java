package io.cutcheck.harness.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.store.JsonlWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The poller against real HTTP control endpoints: which parts make up a committed checkpoint.
 * A checkpoint committed with fewer parts than were pending (metadata written before every
 * task acknowledged) must not borrow the part a task wrote afterwards.
 */
class CheckpointPollerTest {

    @TempDir
    Path dir;

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void aCommittedCheckpointIsMadeOfThePartsItsCommitterNames() throws IOException {
        Node coordinator = node("coordinator", Map.of(
                "/checkpoints", """
                        [{"id":7,"reason":"interval","status":"committed","triggeredAt":1,"committedAt":2,
                          "sizeBytes":10,"metadataPath":"/d/7/_metadata","nodes":["source-0"]}]"""));
        Node source = node("source-0", Map.of(
                "/checkpoints", """
                        [{"id":7,"status":"committed","triggeredAt":1,"nodes":["source-0"]}]""",
                "/checkpoints/7/content", """
                        {"id":7,"node":"source-0","positions":{"0":5},"state":{}}"""));
        Node operator = node("operator-0", Map.of(
                "/checkpoints", """
                        [{"id":7,"status":"committed","triggeredAt":1,"nodes":["operator-0"]}]""",
                "/checkpoints/7/content", """
                        {"id":7,"node":"operator-0","state":{"k":{"count":1,"sum":1}}}"""));
        // the operator answers first, as if it were the only list: then the committer's list wins
        try (JsonlWriter checkpoints = new JsonlWriter(dir.resolve("checkpoints.jsonl"));
             JsonlWriter contents = new JsonlWriter(dir.resolve("contents.jsonl"));
             CheckpointPoller poller = new CheckpointPoller(checkpoints, contents,
                     List.of(operator, source, coordinator), 3_600_000)) {
            poller.pollOnce();
            poller.pollOnce();

            assertThat(poller.checkpoint(7)).get().extracting(CheckpointObservation::nodes)
                    .isEqualTo(List.of("source-0"));
            assertThat(poller.contents(7)).containsOnlyKeys("source-0");
            assertThat(poller.contentsComplete(7)).isTrue();
        }
    }

    @Test
    void withoutTheCommittersListEveryReportedHolderIsAsked() throws IOException {
        Node a = node("a", Map.of(
                "/checkpoints", "[{\"id\":3,\"status\":\"committed\",\"nodes\":[\"a\"]}]",
                "/checkpoints/3/content", "{\"id\":3,\"node\":\"a\",\"state\":{}}"));
        Node b = node("b", Map.of(
                "/checkpoints", "[{\"id\":3,\"status\":\"committed\",\"nodes\":[\"a\",\"b\"]}]",
                "/checkpoints/3/content", "{\"id\":3,\"node\":\"b\",\"state\":{}}"));
        try (JsonlWriter checkpoints = new JsonlWriter(dir.resolve("checkpoints.jsonl"));
             JsonlWriter contents = new JsonlWriter(dir.resolve("contents.jsonl"));
             CheckpointPoller poller = new CheckpointPoller(checkpoints, contents, List.of(a, b), 3_600_000)) {
            poller.pollOnce();

            assertThat(poller.contents(3)).containsOnlyKeys("a", "b");
        }
    }

    private Node node(String name, Map<String, String> routes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> served = new ConcurrentHashMap<>(routes);
        server.createContext("/", exchange -> {
            String body = served.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":\"not found\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        servers.add(server);
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Path log = Files.createTempFile(dir, name, ".log");
        return new Node() {
            public String name() { return name; }
            public String role() { return name; }
            public URI controlUri() { return uri; }
            public boolean isAlive() { return true; }
            public void kill() {}
            public void restart() {}
            public Path logFile() { return log; }
        };
    }
}
