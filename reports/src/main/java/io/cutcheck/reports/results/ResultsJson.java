package io.cutcheck.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.run.DrainOutcome;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.store.Json;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.figures.DurationStats;
import io.cutcheck.reports.figures.RecoveryModel;
import io.cutcheck.reports.figures.RestoreEpisode;
import io.cutcheck.reports.figures.RunFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one writer of {@code results.json}, the run's machine-readable verdict, format
 * {@link #VERSION}: it serializes a run's typed result ({@link RunOutcome}, inside the
 * {@link RunReport}) with the figures computed from it. Every field is documented in
 * {@code reports/RESULTS.md}; a field's meaning never changes within a version, new fields may be
 * added. The run loop writes no results of its own, so nothing is copied between two files.
 */
public final class ResultsJson {

    /** 2: one writer; the drain fields always present (RESULTS.md, versions). */
    public static final int VERSION = 2;
    public static final String FILE_NAME = "results.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultsJson() {}

    /** Serializes and writes the results into the run's store directory; returns the file. */
    public static Path write(RunReport report, RunFigures figures) throws IOException {
        return write(report.storeDir(), toJson(report, figures));
    }

    /** Writes results serialized by {@link #toJson} atomically: a reader never sees half a file. */
    public static Path write(Path storeDir, ObjectNode results) throws IOException {
        Files.createDirectories(storeDir);
        Path file = storeDir.resolve(FILE_NAME);
        Json.writeAtomically(file, results);
        return file;
    }

    public static ObjectNode toJson(RunReport report, RunFigures figures) {
        RunOutcome outcome = report.outcome();
        ObjectNode root = NODES.objectNode();
        root.put("version", VERSION);
        root.put("test", report.testName());
        root.put("store", report.storeDir().toString());
        root.put("generatedAt", Instant.now().toString());
        root.set("valid", valid(outcome.verdict()));
        root.put("exitCode", outcome.exitCode());
        root.set("checkpoints", checkpoints(figures));
        root.set("restores", restores(figures.restores()));
        root.set("recovery", recovery(figures.recovery()));
        root.set("faults", faults(report.observations().faults()));
        root.set("operations", operations(figures));
        root.set("diagnosis", DiagnosisJson.of(report, figures.restores()));
        root.set("anomalies", CheckerJson.anomalies(report.results()));
        root.set("checkers", CheckerJson.checkers(report.results()));
        root.set("phases", phases(report));
        drain(root, outcome.drain());
        if (outcome.error() != null) {
            root.put("error", outcome.error());
        }
        if (outcome.analyzed()) {
            root.put("analyzed", true);
        }
        return root;
    }

    private static void drain(ObjectNode root, DrainOutcome drain) {
        root.put("drained", drain.drained());
        root.set("finalCheckpoint", drain.finalCheckpoint() == null ? NODES.nullNode()
                : NODES.numberNode(drain.finalCheckpoint()));
        root.put("drainNote", drain.note());
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
            item.set("checkpoint", f.checkpoint() == null ? NODES.nullNode() : NODES.numberNode(f.checkpoint()));
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

    private static ObjectNode phases(RunReport report) {
        ObjectNode node = NODES.objectNode();
        report.phases().forEach((phase, time) -> node.put(phase + "Ms", time.toMillis()));
        node.put("totalMs", report.totalTime().toMillis());
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
