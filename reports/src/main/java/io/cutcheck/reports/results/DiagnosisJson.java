package io.cutcheck.reports.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Detection;
import io.cutcheck.harness.checker.Diagnosis;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.figures.RestoreEpisode;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/** The {@code diagnosis} object of {@code results.json} (RESULTS.md, diagnosis). */
final class DiagnosisJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiagnosisJson() {}

    /**
     * Where to start debugging: the anomalies grouped by checker and type, cause first
     * ({@link Diagnosis}), how long after the first operation the first evidence existed, the
     * first checkpoint the anomalies name, and the run's first restore (where a replay begins).
     */
    static ObjectNode of(RunReport report, List<RestoreEpisode> restores) {
        ObjectNode node = NODES.objectNode();
        // the spec is test.json as saved: the test spec sits under "spec"
        long wholeRun = report.spec().path("spec").path("timeLimitMillis").asLong(0);
        // only violations are detected; the reasons of an unknown verdict are not evidence of one
        List<CheckResult> invalid = report.results().stream().filter(r -> r.validity() == Validity.INVALID).toList();
        OptionalLong detected = Detection.millis(report.observations(), invalid, wholeRun);
        node.set("detectedAfterMs", detected.isPresent() ? NODES.numberNode(detected.getAsLong()) : NODES.nullNode());
        OptionalLong firstCheckpoint = report.results().stream().filter(r -> r.validity() != Validity.VALID)
                .flatMap(r -> r.anomalies().stream()).map(Anomaly::checkpoint).filter(c -> c != null)
                .mapToLong(Long::longValue).min();
        node.set("firstCheckpoint", firstCheckpoint.isPresent() ? NODES.numberNode(firstCheckpoint.getAsLong())
                : NODES.nullNode());
        node.set("firstRestore", invalid.isEmpty() || restores.isEmpty() ? NODES.nullNode() : firstRestore(report, restores));
        ArrayNode groups = node.putArray("groups");
        for (Diagnosis.Group g : Diagnosis.of(report.results())) {
            ObjectNode item = groups.addObject();
            item.put("checker", g.checker());
            item.put("type", g.type());
            item.set("valid", ResultsJson.valid(g.validity()));
            item.put("count", g.count());
            item.put("first", g.first().explanation());
            ArrayNode checkpoints = item.putArray("checkpoints");
            g.checkpoints().forEach(checkpoints::add);
            item.put("moreCheckpoints", g.moreCheckpoints());
        }
        return node;
    }

    /** The earliest restore episode: which checkpoint, which nodes, how long into the run it began. */
    private static ObjectNode firstRestore(RunReport report, List<RestoreEpisode> restores) {
        RestoreEpisode first = restores.stream().min(Comparator.comparingLong(RestoreEpisode::startedAt))
                .orElseThrow();
        ObjectNode node = NODES.objectNode();
        node.set("checkpoint", first.checkpoint() == null ? NODES.nullNode() : NODES.numberNode(first.checkpoint()));
        node.set("nodes", MAPPER.valueToTree(first.nodes()));
        OptionalLong start = Detection.firstOperation(report.observations());
        node.set("startedAfterMs", start.isPresent() ? NODES.numberNode(Math.max(0, first.startedAt() - start.getAsLong()))
                : NODES.nullNode());
        return node;
    }
}
