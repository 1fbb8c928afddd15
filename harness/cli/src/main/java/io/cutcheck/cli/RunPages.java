package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.reports.RunFiles;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Writes a run's report files ({@code results.json} in full, {@code junit.xml}, {@code
 * report.html}) into its store directory, from what the run judged, and gives back the results to
 * print. A report that cannot be written costs the pages, never the verdict.
 */
final class RunPages {

    private RunPages() {}

    /** The complete results as written, or the run loop's own summary when they could not be. */
    static JsonNode write(RunOutcome outcome, PrintWriter err) {
        try {
            return RunFiles.write(outcome).map(JsonNode.class::cast).orElse(outcome.results());
        } catch (IOException | RuntimeException e) {
            err.println("cutcheck: report pages not written: " + e.getMessage());
            err.flush();
            return outcome.results();
        }
    }
}
