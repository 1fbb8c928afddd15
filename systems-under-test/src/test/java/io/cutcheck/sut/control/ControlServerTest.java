package io.cutcheck.sut.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.JsonHttpClient;
import io.cutcheck.sut.http.HttpReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlServerTest {

    /** A node that triggers once, then refuses while "in flight". */
    private static final class OneShotNode implements ControlNode {
        boolean triggered;
        TriggerSettings settings = new TriggerSettings(1000, 0);

        @Override
        public Health health() {
            return new Health(1, "test", "n", "coordinator", NodeStatus.RUNNING, 7, null);
        }

        @Override
        public List<CheckpointView> checkpoints() {
            return List.of(new CheckpointView(1, "external", CheckpointStatus.PENDING, 5, null, null, null, 0, "/m", List.of("n")));
        }

        @Override
        public Optional<Content> content(long id) {
            return id == 1 ? Optional.of(new Content(1, "n", Map.of("0", 3L), Map.of(), Map.of())) : Optional.empty();
        }

        @Override
        public long trigger(String reason) throws TriggerRejectedException {
            if (triggered) {
                throw new TriggerRejectedException("checkpoint 1 in flight");
            }
            triggered = true;
            return 1;
        }

        @Override
        public TriggerSettings triggers() {
            return settings;
        }

        @Override
        public TriggerSettings updateTriggers(Long intervalMs, Long everyRecords) {
            settings = new TriggerSettings(intervalMs == null ? settings.intervalMs() : intervalMs,
                    everyRecords == null ? settings.everyRecords() : everyRecords);
            return settings;
        }
    }

    private final EventLog events = new EventLog("n");

    @Test
    void servesTheCommonEndpointsAndRegisteredOnes() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (ControlServer s = new ControlServer("127.0.0.1", port, new OneShotNode(), events, 7)) {
            s.route("GET", "/extra", r -> HttpReply.ok(Map.of("x", 1))).start();
            JsonHttpClient c = new JsonHttpClient("http://127.0.0.1:" + port);
            assertThat(c.get("/health").json().toString()).isEqualTo(
                    "{\"protocol\":1,\"system\":\"test\",\"node\":\"n\",\"role\":\"coordinator\",\"status\":\"running\","
                            + "\"incarnation\":7,\"restoredFrom\":null}");
            assertThat(c.post("/checkpoints/trigger", Map.of("reason", "external")).json().get("id").asLong()).isEqualTo(1);
            assertThat(c.post("/checkpoints/trigger", new byte[0]).status()).isEqualTo(409);
            assertThat(c.get("/checkpoints").json().get(0).get("status").asText()).isEqualTo("pending");
            assertThat(c.get("/checkpoints/1/content").json().get("positions").get("0").asLong()).isEqualTo(3);
            assertThat(c.get("/checkpoints/2/content").status()).isEqualTo(404);
            assertThat(c.put("/triggers", Map.of("everyRecords", 500)).json().toString())
                    .isEqualTo("{\"intervalMs\":1000,\"everyRecords\":500}");
            assertThat(c.put("/triggers", Map.of("intervalMs", -1)).status()).isEqualTo(400);
            assertThat(c.get("/extra").json().get("x").asInt()).isEqualTo(1);
            assertThat(c.get("/nope").status()).isEqualTo(404);
            assertThat(c.post("/health", new byte[0]).status()).isEqualTo(405);

            events.append(EventType.TRIGGERED, 1L, Map.of("reason", "external"));
            events.append(EventType.COMMITTED, 1L);
            JsonNode page = c.get("/events?since=1").json();
            assertThat(page.get("incarnation").asLong()).isEqualTo(7);
            assertThat(page.get("events")).hasSize(1);
            assertThat(page.get("events").get(0).get("type").asText()).isEqualTo("committed");
            assertThat(page.get("next").asLong()).isEqualTo(2);
        }
    }
}
