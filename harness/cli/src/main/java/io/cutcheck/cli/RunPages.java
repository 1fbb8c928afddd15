package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.run.Judge;
import io.cutcheck.harness.store.Json;
import io.cutcheck.harness.store.StoreReader;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.figures.RunFigures;
import io.cutcheck.reports.html.HtmlReport;
import io.cutcheck.reports.junit.JunitXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code junit.xml} (for CI) and {@code report.html} (for people) into a run's store
 * directory, beside the {@code results.json} the run loop wrote. The store is the input, so a
 * saved run gets the same pages as a live one.
 */
final class RunPages {

    private RunPages() {}

    static void write(Path storeDir, List<Checker> checkers) throws IOException {
        StoreReader.SavedRun saved = StoreReader.read(storeDir);
        Judge.Judgement judgement = Judge.judge(saved.observations(), checkers);
        JsonNode spec = readOrEmpty(storeDir.resolve("test.json"));
        RunReport report = new RunReport(saved.observations(), judgement.results(),
                phases(readOrEmpty(storeDir.resolve("results.json"))), storeDir, spec);
        JunitXml.write(report);
        HtmlReport.write(report, RunFigures.of(saved.observations(), spec));
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
