package io.cutcheck.harness.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Coverage;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.CheckpointObservation;
import io.cutcheck.harness.observe.Observations;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code results.json}: the verdict ({@code valid}: true, false or "unknown"), checkpoint,
 * restore and fault counts, every anomaly, each checker's result, and the phase timings. Kept in
 * one class so the reports module can take it over.
 */
public final class ResultsWriter {

    private ResultsWriter() {}

    /**
     * @param verdict the merged verdict
     * @param checks each checker's result
     * @param timings phase name → milliseconds, in phase order
     * @param error why the run could not be judged, or null
     */
    public static ObjectNode summarize(Validity verdict, Observations observations, List<CheckResult> checks,
                                       Map<String, Long> timings, String error) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        switch (verdict) {
            case VALID -> root.put("valid", true);
            case INVALID -> root.put("valid", false);
            case UNKNOWN -> root.put("valid", "unknown");
        }
        if (error != null) {
            root.put("error", error);
        }
        ObjectNode cps = root.putObject("checkpoints");
        cps.put("committed", observations.checkpoints().stream().filter(CheckpointObservation::committed).count());
        cps.put("aborted", observations.checkpoints().stream().filter(c -> "aborted".equals(c.status())).count());
        cps.put("pending", observations.checkpoints().stream().filter(c -> "pending".equals(c.status())).count());
        root.put("restores", observations.events().stream()
                .filter(e -> "restored".equals(e.type()) && e.checkpoint() != null).count());
        root.put("faults", observations.faults().size());
        root.put("operations", observations.history().stream().filter(o -> o.type().isCompletion()).count());
        root.put("drained", observations.drained());
        ArrayNode anomalies = root.putArray("anomalies");
        for (CheckResult check : checks) {
            for (Anomaly a : check.anomalies()) {
                ObjectNode line = Json.MAPPER.valueToTree(a);
                line.put("checker", check.checker());
                anomalies.add(line);
            }
        }
        ObjectNode checkers = root.putObject("checkers");
        for (CheckResult check : checks) {
            ObjectNode c = checkers.putObject(check.checker());
            c.put("valid", check.validity().name().toLowerCase());
            c.set("anomalies", Json.MAPPER.valueToTree(check.anomalies()));
            c.set("stats", Json.MAPPER.valueToTree(check.stats()));
            if (check.coverage() != null) {
                c.set("coverage", coverage(check.coverage()));
            }
        }
        ObjectNode phases = root.putObject("timings");
        timings.forEach(phases::put);
        return root;
    }

    /** A checker's coverage as {@code results.json} holds it (reports/RESULTS.md, checkers). */
    public static ObjectNode coverage(Coverage coverage) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("judged", coverage.judged());
        node.put("of", coverage.of());
        node.put("what", coverage.what());
        node.put("rest", coverage.rest());
        node.put("complete", coverage.complete());
        node.put("note", coverage.describe());
        return node;
    }

    /** Writes atomically: a reader never sees half a results file. */
    public static void write(Path file, ObjectNode results) throws IOException {
        Json.writeAtomically(file, results);
    }
}
