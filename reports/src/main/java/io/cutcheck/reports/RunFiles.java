package io.cutcheck.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.store.Json;
import io.cutcheck.reports.figures.RunFigures;
import io.cutcheck.reports.html.HtmlReport;
import io.cutcheck.reports.junit.JunitXml;
import io.cutcheck.reports.results.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a finished run's report files into its store directory from its typed result
 * ({@link RunOutcome}): {@code results.json} (by {@link ResultsJson}, its one writer),
 * {@code junit.xml} and {@code report.html}. The figures and the results are computed once
 * ({@link #judge}) for all three; results.json is written first, so a page that fails costs only
 * itself.
 */
public final class RunFiles {

    /** A run's report, the figures drawn from it and its results as serialized, computed once. */
    public record Judged(RunReport report, RunFigures figures, ObjectNode results) {}

    private RunFiles() {}

    /**
     * Computes the report, figures and results of a run, writing nothing; empty for a run that
     * ended before it had a store (there is nowhere to write and nothing was observed).
     */
    public static Optional<Judged> judge(RunOutcome outcome) throws IOException {
        if (outcome.storeDir() == null || outcome.observations() == null || outcome.checks() == null) {
            return Optional.empty();
        }
        RunReport report = new RunReport(outcome, readOrEmpty(outcome.storeDir().resolve("test.json")));
        RunFigures figures = RunFigures.of(outcome.observations(), report.spec());
        return Optional.of(new Judged(report, figures, ResultsJson.toJson(report, figures)));
    }

    /** Writes the three files; returns the results as written, empty for a run without a store. */
    public static Optional<ObjectNode> write(RunOutcome outcome) throws IOException {
        Optional<Judged> judged = judge(outcome);
        if (judged.isPresent()) {
            writeResults(judged.get());
            writePages(judged.get());
        }
        return judged.map(Judged::results);
    }

    /** Writes {@code results.json}. */
    public static Path writeResults(Judged judged) throws IOException {
        return ResultsJson.write(judged.report().storeDir(), judged.results());
    }

    /** Writes {@code junit.xml} and {@code report.html}. */
    public static void writePages(Judged judged) throws IOException {
        JunitXml.write(judged.report());
        HtmlReport.write(judged.report(), judged.figures());
    }

    private static JsonNode readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? Json.MAPPER.readTree(file.toFile()) : Json.MAPPER.createObjectNode();
    }
}
