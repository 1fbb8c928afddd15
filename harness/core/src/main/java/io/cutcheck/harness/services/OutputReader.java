package io.cutcheck.harness.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.sut.HttpJson;
import io.cutcheck.harness.sut.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the committed output of the harness's output store (PROTOCOL.md section 5), in commit order. */
public final class OutputReader {

    private static final int PAGE = 2000;

    private final HttpJson http;

    public OutputReader(URI outputStore) {
        this.http = new HttpJson(outputStore, Duration.ofSeconds(5));
    }

    /** How many committed output entries there are. */
    public Reply<Long> end() {
        return http.get("/output?from=0&max=1", JsonNode.class).map(b -> b.path("end").asLong());
    }

    /** Transactions prepared (pre-committed) and not yet committed or aborted, of any owner. */
    public Reply<List<JsonNode>> prepared() {
        return http.get("/transactions?state=prepared", HttpJson.listOf(JsonNode.class));
    }

    /** Every committed output entry ({@code {"seq","txn","checkpoint","record"}}). */
    public Reply<List<JsonNode>> readAll() {
        List<JsonNode> entries = new ArrayList<>();
        while (true) {
            Reply<JsonNode> page = http.get("/output?from=" + entries.size() + "&max=" + PAGE, JsonNode.class);
            if (!page.isOk()) {
                return page.map(x -> List.of());
            }
            JsonNode body = page.result().orElseThrow();
            body.path("records").forEach(entries::add);
            if (body.path("records").isEmpty() || entries.size() >= body.path("end").asLong()) {
                return Reply.ok(entries);
            }
        }
    }
}
