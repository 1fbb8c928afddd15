package io.cutcheck.sut.barrier;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.sut.http.JsonHttpClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the committed output and lists every violation of exactly-once for the stream workload
 * (PROTOCOL.md section 6): each input record exactly once, each key's counts 1…n, increasing with
 * the offset within a partition.
 */
final class ExactlyOnceCheck {
    private ExactlyOnceCheck() {
    }

    static List<JsonNode> committedOutput(JsonHttpClient outputStore) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        long from = 0;
        while (true) {
            JsonNode page = outputStore.get("/output?from=" + from + "&max=50000").json();
            for (JsonNode r : page.get("records")) {
                all.add(r.get("record"));
            }
            from += page.get("records").size();
            if (from >= page.get("end").asLong()) {
                return all;
            }
        }
    }

    /** @param appended records appended per partition (offsets 0 … n-1) */
    static List<String> violations(List<JsonNode> output, long[] appended) {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<Long>> countsByKey = new HashMap<>();
        Map<String, Long> lastCount = new HashMap<>();
        for (JsonNode r : output) {
            String id = r.get("partition").asInt() + "/" + r.get("offset").asLong();
            if (seen.merge(id, 1, Integer::sum) == 2 && violations.size() < 20) {
                violations.add("input record " + id + " appears more than once");
            }
            String key = r.get("key").asText();
            long count = r.get("count").asLong();
            countsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(count);
            String order = r.get("partition").asInt() + "/" + key;
            Long last = lastCount.put(order, count);
            if (last != null && count <= last && violations.size() < 20) {
                violations.add("key " + key + " in partition " + r.get("partition").asInt() + ": count " + count
                        + " after " + last);
            }
        }
        for (int p = 0; p < appended.length; p++) {
            long missing = 0;
            for (long o = 0; o < appended[p]; o++) {
                if (!seen.containsKey(p + "/" + o)) {
                    missing++;
                }
            }
            if (missing > 0) {
                violations.add(missing + " input records of partition " + p + " missing from the output");
            }
        }
        for (Map.Entry<String, List<Long>> e : countsByKey.entrySet()) {
            List<Long> counts = new ArrayList<>(e.getValue());
            counts.sort(null);
            for (int i = 0; i < counts.size(); i++) {
                if (counts.get(i) != i + 1) {
                    if (violations.size() < 40) {
                        violations.add("key " + e.getKey() + ": counts are not 1.." + counts.size());
                    }
                    break;
                }
            }
        }
        return violations;
    }
}
