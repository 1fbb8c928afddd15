package io.cutcheck.harness.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.sut.HttpJson;
import io.cutcheck.harness.sut.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the harness's input log (PROTOCOL.md section 5): partition count, ends, every record. */
public final class InputLogReader {

    private static final int PAGE = 2000;

    private final HttpJson http;

    public InputLogReader(URI inputLog) {
        this.http = new HttpJson(inputLog, Duration.ofSeconds(5));
    }

    public Reply<Integer> partitions() {
        return http.get("/partitions", JsonNode.class).map(b -> b.path("partitions").asInt());
    }

    /** The offset after the last record of each partition. */
    public Reply<Map<Integer, Long>> ends() {
        Reply<Integer> count = partitions();
        if (!count.isOk()) {
            return count.map(c -> Map.of());
        }
        Map<Integer, Long> ends = new LinkedHashMap<>();
        for (int p = 0; p < count.result().orElse(0); p++) {
            Reply<JsonNode> page = http.get("/partitions/" + p + "/records?from=0&max=1", JsonNode.class);
            if (!page.isOk()) {
                return page.map(x -> Map.of());
            }
            ends.put(p, page.result().orElseThrow().path("end").asLong());
        }
        return Reply.ok(ends);
    }

    /** Every record of every partition, in offset order. */
    public Reply<Map<Integer, List<JsonNode>>> readAll() {
        Reply<Integer> count = partitions();
        if (!count.isOk()) {
            return count.map(c -> Map.of());
        }
        Map<Integer, List<JsonNode>> all = new LinkedHashMap<>();
        for (int p = 0; p < count.result().orElse(0); p++) {
            List<JsonNode> records = new ArrayList<>();
            while (true) {
                Reply<JsonNode> page = http.get("/partitions/" + p + "/records?from=" + records.size() + "&max=" + PAGE,
                        JsonNode.class);
                if (!page.isOk()) {
                    return page.map(x -> Map.of());
                }
                JsonNode body = page.result().orElseThrow();
                body.path("records").forEach(records::add);
                if (body.path("records").isEmpty() || records.size() >= body.path("end").asLong()) {
                    break;
                }
            }
            all.put(p, records);
        }
        return Reply.ok(all);
    }
}
