package io.cutcheck.workloads.append;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the client against a small input log on real TCP that answers as told. */
class AppendClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger delayMillis = new AtomicInteger(0);
    private final AtomicReference<String> lastPath = new AtomicReference<>();
    private final AtomicReference<String> lastBody = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/partitions/", exchange -> {
            lastPath.set(exchange.getRequestURI().getPath());
            lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            sleep(delayMillis.get());
            byte[] answer = (status.get() == 200
                    ? "{\"partition\":1,\"first\":40,\"count\":2}" : "{\"error\":\"no\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static Op append() {
        ObjectNode a = JsonNodeFactory.instance.objectNode().put("key", "k1").put("value", 3);
        ObjectNode b = JsonNodeFactory.instance.objectNode().put("key", "k2").put("value", 4);
        return Op.invoke(0, AppendClient.APPEND, AppendBatch.of(1, List.of(a, b)).toJson());
    }

    @Test
    void anAcceptedBatchIsOkWithTheOffsetsTheLogAssigned() throws Exception {
        Op done = new AppendClient(base(), Duration.ofSeconds(2)).invoke(append());

        assertThat(done.type()).isEqualTo(OpType.OK);
        assertThat(done.value().get("first").asLong()).isEqualTo(40);
        assertThat(done.value().get("count").asInt()).isEqualTo(2);
        assertThat(lastPath.get()).isEqualTo("/partitions/1/records");
        assertThat(JSON.readTree(lastBody.get()).toString())
                .isEqualTo("[{\"key\":\"k1\",\"value\":3},{\"key\":\"k2\",\"value\":4}]");
    }

    @Test
    void aRefusalIsAFailure() throws Exception {
        status.set(400);
        assertThat(new AppendClient(base(), Duration.ofSeconds(2)).invoke(append()).type()).isEqualTo(OpType.FAIL);
    }

    @Test
    void aServerErrorIsUnknown() throws Exception {
        status.set(503);
        assertThat(new AppendClient(base(), Duration.ofSeconds(2)).invoke(append()).type()).isEqualTo(OpType.INFO);
    }

    @Test
    void aTimeoutIsUnknown() throws Exception {
        delayMillis.set(1_000);
        Op done = new AppendClient(base(), Duration.ofMillis(200)).invoke(append());
        assertThat(done.type()).isEqualTo(OpType.INFO);
        assertThat(done.error()).contains("timeout");
    }

    @Test
    void aRefusedConnectionIsUnknown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Op done = new AppendClient(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1)).invoke(append());
        assertThat(done.type()).isEqualTo(OpType.INFO);
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
