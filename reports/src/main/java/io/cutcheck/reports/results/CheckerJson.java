package io.cutcheck.reports.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Coverage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code anomalies} and {@code checkers} arrays of {@code results.json}: what each checker found. */
final class CheckerJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CheckerJson() {}

    static ArrayNode anomalies(List<CheckResult> results) {
        ArrayNode list = NODES.arrayNode();
        for (CheckResult result : results) {
            for (Anomaly anomaly : result.anomalies()) {
                ObjectNode item = list.addObject();
                item.put("checker", result.checker());
                item.put("type", anomaly.type());
                item.put("explanation", anomaly.explanation());
                item.set("checkpoint", anomaly.checkpoint() == null ? NODES.nullNode() : NODES.numberNode(anomaly.checkpoint()));
                item.put("node", anomaly.node());
                item.set("evidence", lenient(anomaly.evidence()));
            }
        }
        return list;
    }

    static ArrayNode checkers(List<CheckResult> results) {
        ArrayNode list = NODES.arrayNode();
        for (CheckResult result : results) {
            ObjectNode item = list.addObject();
            item.put("checker", result.checker());
            item.set("valid", ResultsJson.valid(result.validity()));
            item.put("anomalies", result.anomalies().size());
            item.set("stats", lenient(result.stats()));
            // how much of its evidence the verdict rests on, for checkers that count it
            item.set("coverage", result.coverage() == null ? NODES.nullNode() : coverage(result.coverage()));
        }
        return list;
    }

    /** A checker's coverage (RESULTS.md, checkers). */
    private static ObjectNode coverage(Coverage coverage) {
        ObjectNode node = NODES.objectNode();
        node.put("judged", coverage.judged());
        node.put("of", coverage.of());
        node.put("what", coverage.what());
        node.put("rest", coverage.rest());
        node.put("complete", coverage.complete());
        node.put("note", coverage.describe());
        return node;
    }

    // Checkers put any value into evidence and stats; one Jackson cannot map (a Duration, say)
    // becomes its string rather than costing the run its results file.
    private static ObjectNode lenient(Map<String, Object> values) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(values).forEach((key, value) -> {
            try {
                node.set(key, MAPPER.valueToTree(value));
            } catch (IllegalArgumentException unmappable) {
                node.put(key, String.valueOf(value));
            }
        });
        return node;
    }
}
