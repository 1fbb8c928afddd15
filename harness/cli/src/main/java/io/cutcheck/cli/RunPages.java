package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.store.Json;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.figures.RunFigures;
import io.cutcheck.reports.html.HtmlReport;
import io.cutcheck.reports.junit.JunitXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code junit.xml} (for CI) and {@code report.html} (for people) into a run's store
 * directory, beside the {@code results.json} the run loop wrote, from what the run judged.
 */
final class RunPages {

    private RunPages() {}

    /** Writes nothing for a run that ended before it had a store. */
    static void write(RunOutcome outcome) throws IOException {
        if (outcome.storeDir() == null || outcome.observations() == null) {
            return;
        }
        JsonNode spec = readOrEmpty(outcome.storeDir().resolve("test.json"));
        RunReport report = new RunReport(outcome.observations(), outcome.checks(), phases(outcome.results()),
                outcome.storeDir(), spec);
        JunitXml.write(report);
        HtmlReport.write(report, RunFigures.of(outcome.observations(), spec));
    }

    /** The run loop records phase timings in milliseconds under {@code timings}. */
    private static Map<String, Duration> phases(JsonNode results) {
        Map<String, Duration> phases = new LinkedHashMap<>();
        results.path("timings").fields().forEachRemaining(
                e -> phases.put(e.getKey(), Duration.ofMillis(e.getValue().asLong())));
        return phases;
    }

    private static JsonNode readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? Json.MAPPER.readTree(file.toFile()) : Json.MAPPER.createObjectNode();
    }
}
