package io.cutcheck.harness.sut;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The harness's side of the SUT protocol (PROTOCOL.md section 2) for one node. Every call has a
 * short timeout and answers a {@link Reply}: a crashed or paused node is expected, not
 * exceptional.
 */
public final class SutClient {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpJson http;

    public SutClient(URI controlUri) {
        this(controlUri, DEFAULT_TIMEOUT);
    }

    public SutClient(URI controlUri, Duration timeout) {
        this.http = new HttpJson(controlUri, timeout);
    }

    public URI base() {
        return http.base();
    }

    public Reply<NodeHealth> health() {
        return http.get("/health", NodeHealth.class);
    }

    /**
     * A {@code since} beyond any node's newest event, for a cursor that only later events pass
     * (an empty page whose {@code next} is the seq the next event gets); far below
     * {@link Long#MAX_VALUE}, where a node adding its page size to it would overflow.
     */
    public static final long BEYOND_ANY_SEQ = 1L << 40;

    public Reply<EventsPage> events(long since) {
        return http.get("/events?since=" + since, EventsPage.class);
    }

    public Reply<List<CheckpointInfo>> checkpoints() {
        return http.get("/checkpoints", HttpJson.listOf(CheckpointInfo.class));
    }

    /** This node's part of committed checkpoint {@code id}; REFUSED (404) if it holds none. */
    public Reply<JsonNode> content(long id) {
        return http.get("/checkpoints/" + id + "/content", JsonNode.class);
    }

    /** Triggers a checkpoint now; the new checkpoint's id, or REFUSED (409) if the node cannot now. */
    public Reply<Long> trigger(String reason) {
        return http.send("POST", "/checkpoints/trigger", Map.of("reason", reason), JsonNode.class)
                .map(body -> body.path("id").asLong());
    }

    public Reply<Triggers> triggers() {
        return http.get("/triggers", Triggers.class);
    }

    public Reply<Triggers> setTriggers(Triggers triggers) {
        return http.send("PUT", "/triggers", triggers, Triggers.class);
    }

    /** Any other GET of the node's API, e.g. a system's extra endpoint such as {@code /balances}. */
    public Reply<JsonNode> getJson(String path) {
        return http.get(path, JsonNode.class);
    }
}
