package io.cutcheck.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.Detection;
import io.cutcheck.harness.checker.Diagnosis;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.store.ResultsWriter;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.figures.DurationStats;
import io.cutcheck.reports.figures.RecoveryModel;
import io.cutcheck.reports.figures.RestoreEpisode;
import io.cutcheck.reports.figures.RunFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code results.json}, the run's machine-readable verdict, format {@link #VERSION}. Every
 * field is documented in {@code reports/RESULTS.md}; a field's meaning never changes within a
 * version, new fields may be added.
 */
public final class ResultsJson {

    public static final int VERSION = 1;
    public static final String FILE_NAME = "results.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultsJson() {}

    public static Path write(RunReport report, RunFigures figures) throws IOException {
        Path file = report.storeDir().resolve(FILE_NAME);
        Files.createDirectories(report.storeDir());
        MAPPER.writeValue(file.toFile(), toJson(report, figures));
        return file;
    }

    public static ObjectNode toJson(RunReport report, RunFigures figures) {
        ObjectNode root = NODES.objectNode();
        root.put("version", VERSION);
        root.put("test", report.testName());
        root.put("store", report.storeDir().toString());
        root.put("generatedAt", Instant.now().toString());
        root.set("valid", valid(report.verdict()));
        root.put("exitCode", report.verdict().exitCode());
        root.set("checkpoints", checkpoints(figures));
        root.set("restores", restores(figures.restores()));
        root.set("recovery", recovery(figures.recovery()));
        root.set("faults", faults(report.observations().faults()));
        root.set("operations", operations(figures));
        root.set("diagnosis", diagnosis(report, figures.restores()));
        root.set("anomalies", anomalies(report.results()));
        root.set("checkers", checkers(report.results()));
        root.set("phases", phases(report));
        return root;
    }

    /** The JSON form of a verdict: true, false, or the string "unknown". */
    public static JsonNode valid(Validity validity) {
        return switch (validity) {
            case VALID -> NODES.booleanNode(true);
            case INVALID -> NODES.booleanNode(false);
            case UNKNOWN -> NODES.textNode("unknown");
        };
    }

    private static ObjectNode checkpoints(RunFigures figures) {
        ObjectNode node = NODES.objectNode();
        node.put("committed", figures.checkpoints().committed());
        node.put("aborted", figures.checkpoints().aborted());
        node.put("pending", figures.checkpoints().pending());
        node.put("total", figures.checkpoints().total());
        node.set("durationMs", stats(figures.recovery().checkpointDurations()));
        return node;
    }

    private static ObjectNode restores(List<RestoreEpisode> episodes) {
        ObjectNode node = NODES.objectNode();
        node.put("count", episodes.size());
        ArrayNode list = node.putArray("episodes");
        for (RestoreEpisode e : episodes) {
            ObjectNode item = list.addObject();
            item.set("checkpoint", e.checkpoint() == null ? NODES.nullNode() : NODES.numberNode(e.checkpoint()));
            item.set("nodes", MAPPER.valueToTree(e.nodes()));
            item.put("failureAt", e.failureAt());
            item.put("startedAt", e.startedAt());
            item.put("finishedAt", e.finishedAt());
            item.put("cutAt", e.cutAt());
            item.put("lostWorkMs", e.lostWorkMs());
            item.put("restoreMs", e.restoreMs());
            item.put("recoveryMs", e.recoveryMs());
        }
        return node;
    }

    private static ObjectNode recovery(RecoveryModel model) {
        ObjectNode node = NODES.objectNode();
        node.put("intervalMs", model.intervalMs());
        node.put("intervalSource", model.intervalSource());
        node.put("checkpointCostMs", model.checkpointCostMs());
        node.put("modelMs", model.modelMs());
        node.set("measuredMs", stats(model.measured()));
        return node;
    }

    private static ObjectNode faults(List<FaultRecord> faults) {
        ObjectNode node = NODES.objectNode();
        node.put("count", faults.size());
        node.put("unhealed", faults.stream().filter(f -> f.healedAt() == null).count());
        node.put("errors", faults.stream().filter(f -> f.error() != null).count());
        Map<String, Integer> byKind = new TreeMap<>();
        faults.forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
        node.set("byKind", MAPPER.valueToTree(byKind));
        ArrayNode list = node.putArray("executed");
        for (FaultRecord f : faults) {
            ObjectNode item = list.addObject();
            item.put("id", f.id());
            item.put("kind", f.kind());
            item.set("targets", MAPPER.valueToTree(f.targets()));
            item.put("startedAt", f.startedAt());
            item.set("healedAt", f.healedAt() == null ? NODES.nullNode() : NODES.numberNode(f.healedAt()));
            item.set("durationMs", f.healedAt() == null ? NODES.nullNode() : NODES.numberNode(f.healedAt() - f.startedAt()));
            item.put("error", f.error());
        }
        return node;
    }

    private static ObjectNode operations(RunFigures figures) {
        ObjectNode node = NODES.objectNode();
        node.put("ok", figures.operations().count(OpType.OK));
        node.put("fail", figures.operations().count(OpType.FAIL));
        node.put("info", figures.operations().count(OpType.INFO));
        node.put("pending", figures.operations().pending());
        node.set("latencyMs", stats(figures.operations().latency()));
        return node;
    }

    /**
     * Where to start debugging: the anomalies grouped by checker and type, cause first
     * ({@link Diagnosis}), how long after the first operation the first evidence existed, the
     * first checkpoint the anomalies name, and the run's first restore (where a replay begins).
     */
    private static ObjectNode diagnosis(RunReport report, List<RestoreEpisode> restores) {
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
            item.set("valid", valid(g.validity()));
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

    private static ArrayNode anomalies(List<CheckResult> results) {
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

    private static ArrayNode checkers(List<CheckResult> results) {
        ArrayNode list = NODES.arrayNode();
        for (CheckResult result : results) {
            ObjectNode item = list.addObject();
            item.put("checker", result.checker());
            item.set("valid", valid(result.validity()));
            item.put("anomalies", result.anomalies().size());
            item.set("stats", lenient(result.stats()));
            // how much of its evidence the verdict rests on, for checkers that count it
            item.set("coverage", result.coverage() == null ? NODES.nullNode() : ResultsWriter.coverage(result.coverage()));
        }
        return list;
    }

    private static ObjectNode phases(RunReport report) {
        ObjectNode node = NODES.objectNode();
        report.phases().forEach((phase, time) -> node.put(phase + "Ms", time.toMillis()));
        node.put("totalMs", report.totalTime().toMillis());
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

    private static ObjectNode stats(DurationStats stats) {
        ObjectNode node = NODES.objectNode();
        node.put("count", stats.count());
        node.put("min", stats.min());
        node.put("median", stats.median());
        node.put("p95", stats.p95());
        node.put("p99", stats.p99());
        node.put("max", stats.max());
        node.put("mean", Math.round(stats.mean() * 10) / 10.0);
        return node;
    }
}
