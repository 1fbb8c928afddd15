package io.cutcheck.harness.sut;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a small hand-written node that answers as PROTOCOL.md says (plus unknown fields). */
class SutClientTest {

    HttpServer server;
    SutClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/health", 200, "{\"protocol\":1,\"system\":\"barrier\",\"node\":\"sink-0\",\"role\":\"sink\","
                + "\"status\":\"running\",\"incarnation\":17,\"restoredFrom\":4,\"future\":true}");
        answer("/events", 200, "{\"incarnation\":17,\"events\":[{\"seq\":0,\"node\":\"sink-0\",\"time\":1,"
                + "\"type\":\"started\",\"checkpoint\":null,\"detail\":{}}],\"next\":1}");
        answer("/checkpoints", 200, "[{\"id\":12,\"reason\":\"interval\",\"status\":\"committed\",\"triggeredAt\":1,"
                + "\"acksCompleteAt\":2,\"committedAt\":3,\"abortedAt\":null,\"sizeBytes\":10,\"metadataPath\":\"/m\","
                + "\"nodes\":[\"source-0\",\"sink-0\"]}]");
        answer("/checkpoints/12/content", 200, "{\"id\":12,\"node\":\"sink-0\",\"positions\":{},\"state\":{},\"channels\":{}}");
        answer("/checkpoints/99/content", 404, "{\"error\":\"no part of checkpoint 99\"}");
        answer("/checkpoints/trigger", 409, "{\"error\":\"a checkpoint is in flight\"}");
        answer("/triggers", 200, "{\"intervalMs\":1000,\"everyRecords\":0}");
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException ignored) {
                // the test is over
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        // generous: the machine running the tests may be busy; only the slow call must time out
        client = new SutClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(4));
    }

    private void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsHealthEventsCheckpointsContentAndTriggers() {
        assertThat(client.health().result()).hasValue(
                new NodeHealth(1, "barrier", "sink-0", "sink", "running", 17, 4L));
        EventsPage page = client.events(0).result().orElseThrow();
        assertThat(page.incarnation()).isEqualTo(17);
        assertThat(page.next()).isEqualTo(1);
        assertThat(page.events()).singleElement().extracting(e -> e.path("type").asText()).isEqualTo("started");
        assertThat(client.checkpoints().result().orElseThrow()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(12);
            assertThat(c.status()).isEqualTo("committed");
            assertThat(c.nodes()).containsExactly("source-0", "sink-0");
        });
        assertThat(client.content(12).result().orElseThrow().path("node").asText()).isEqualTo("sink-0");
        assertThat(client.triggers().result()).hasValue(new Triggers(1000, 0));
    }

    @Test
    void refusalsAreValuesWithTheNodesOneLineError() {
        Reply<Long> trigger = client.trigger("external");
        assertThat(trigger).isInstanceOfSatisfying(Reply.Failed.class, f -> {
            assertThat(f.failure()).isEqualTo(Reply.Failure.REFUSED);
            assertThat(f.status()).isEqualTo(409);
            assertThat(f.message()).isEqualTo("a checkpoint is in flight");
        });
        assertThat(client.content(99)).isInstanceOfSatisfying(Reply.Failed.class,
                f -> assertThat(f.status()).isEqualTo(404));
    }

    @Test
    void aSlowNodeTimesOutAndADeadOneIsUnreachable() throws IOException {
        SutClient impatient = new SutClient(client.base(), Duration.ofMillis(1000));
        assertThat(impatient.getJson("/slow")).isInstanceOfSatisfying(Reply.Failed.class,
                f -> assertThat(f.failure()).isEqualTo(Reply.Failure.TIMEOUT));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SutClient dead = new SutClient(URI.create("http://127.0.0.1:" + closedPort), Duration.ofMillis(500));
        assertThat(dead.health()).isInstanceOfSatisfying(Reply.Failed.class,
                f -> assertThat(f.failure()).isEqualTo(Reply.Failure.UNREACHABLE));
    }
}
