package io.cutcheck.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.reports.figures.RunFigures;
import io.cutcheck.reports.html.HtmlReport;
import io.cutcheck.reports.junit.JunitXml;
import io.cutcheck.reports.results.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a finished run's report files into its store directory from what the run judged: the
 * complete {@code results.json} (RESULTS.md), replacing the run loop's summary, {@code junit.xml}
 * and {@code report.html}. The run's own verdict wins over the checkers' when the run was cut
 * short (then it is unknown unless already proven invalid), and the run loop's drain facts are
 * kept: {@code drained}, {@code finalCheckpoint}, {@code drainNote}, {@code error}.
 */
public final class RunFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> KEPT_FROM_RUN = List.of("drained", "finalCheckpoint", "drainNote", "error",
            "analyzed");

    private RunFiles() {}

    /** Writes the three files; returns the results as written, empty for a run that ended before it had a store. */
    public static Optional<ObjectNode> write(RunOutcome outcome) throws IOException {
        Optional<Judged> judged = judged(outcome);
        if (judged.isEmpty()) {
            return Optional.empty();
        }
        writeAtomically(outcome.storeDir().resolve(ResultsJson.FILE_NAME), judged.get().results());
        JunitXml.write(judged.get().report());
        HtmlReport.write(judged.get().report(), judged.get().figures());
        return Optional.of(judged.get().results());
    }

    /** The complete results of a run, without writing anything; empty for a run without a store. */
    public static Optional<ObjectNode> results(RunOutcome outcome) throws IOException {
        return judged(outcome).map(Judged::results);
    }

    private record Judged(RunReport report, RunFigures figures, ObjectNode results) {}

    private static Optional<Judged> judged(RunOutcome outcome) throws IOException {
        if (outcome.storeDir() == null || outcome.observations() == null || outcome.checks() == null) {
            return Optional.empty();
        }
        JsonNode spec = readOrEmpty(outcome.storeDir().resolve("test.json"));
        RunReport report = new RunReport(outcome.observations(), outcome.checks(), phases(outcome.results()),
                outcome.storeDir(), spec);
        RunFigures figures = RunFigures.of(outcome.observations(), spec);
        ObjectNode results = ResultsJson.toJson(report, figures);
        results.set("valid", ResultsJson.valid(outcome.verdict()));
        results.put("exitCode", outcome.exitCode());
        for (String field : KEPT_FROM_RUN) {
            if (outcome.results().has(field)) {
                results.set(field, outcome.results().get(field));
            }
        }
        return Optional.of(new Judged(report, figures, results));
    }

    /** The run loop records phase timings in milliseconds under {@code timings}. */
    private static Map<String, Duration> phases(JsonNode results) {
        Map<String, Duration> phases = new LinkedHashMap<>();
        results.path("timings").fields().forEachRemaining(
                e -> phases.put(e.getKey(), Duration.ofMillis(e.getValue().asLong())));
        return phases;
    }

    private static void writeAtomically(Path file, ObjectNode results) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), results);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static JsonNode readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? MAPPER.readTree(file.toFile()) : MAPPER.createObjectNode();
    }
}
