package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.reports.RunFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Writes a run's report files ({@code results.json}, {@code junit.xml}, {@code report.html}) into
 * its store directory from the run's typed result, and gives back the results to print. Every
 * entry point that runs a test (test, self-check, the embedded runner) ends here, so every run with
 * a store gets its results.json once, a run cut short included. A file that cannot be written
 * costs that file, never the verdict.
 */
final class RunPages {

    private RunPages() {}

    /** The results as written; an empty object when the run had no store or they could not be computed. */
    static JsonNode write(RunOutcome outcome, PrintWriter err) {
        Optional<RunFiles.Judged> judged;
        try {
            judged = RunFiles.judge(outcome);
        } catch (IOException | RuntimeException e) {
            return problem("results not computed", e, err);
        }
        if (judged.isEmpty()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            RunFiles.writeResults(judged.get());
        } catch (IOException | RuntimeException e) {
            problem("results.json not written", e, err);
        }
        try {
            RunFiles.writePages(judged.get());
        } catch (IOException | RuntimeException e) {
            problem("report pages not written", e, err);
        }
        return judged.get().results();
    }

    private static JsonNode problem(String what, Exception e, PrintWriter err) {
        err.println("cutcheck: " + what + ": " + e.getMessage());
        err.flush();
        return JsonNodeFactory.instance.objectNode();
    }
}
