package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cutcheck analyze} on the fixture store with a results.json of each earlier format: it
 * judges from the evidence files, prints the current figures, and leaves the run's file as it was.
 */
class AnalyzeOldResultsTest {

    /** What the run loop wrote before version 1 replaced it, or kept when the report pages failed. */
    static final String RUN_LOOP_SUMMARY = """
            {"valid": true, "checkpoints": {"committed": 9, "aborted": 0, "pending": 0}, "restores": 0,
             "faults": 0, "operations": 412, "drained": true, "anomalies": [],
             "checkers": {"progress": {"valid": "valid", "anomalies": [], "stats": {}}},
             "timings": {"setup": 2100, "run": 2000}, "finalCheckpoint": 9,
             "drainNote": "final checkpoint 9 covers all input"}
            """;

    /** Version 1, abridged. */
    static final String VERSION_1 = """
            {"version": 1, "test": "barrier-2s", "valid": true, "exitCode": 0,
             "checkpoints": {"committed": 9, "aborted": 0, "pending": 0, "total": 9},
             "restores": {"count": 0, "episodes": []}, "faults": {"count": 0}, "operations": {"ok": 412},
             "anomalies": [], "checkers": [], "phases": {"setupMs": 2100, "totalMs": 2100}, "drained": true}
            """;

    @TempDir
    Path dir;

    private void analyzesAndLeavesAlone(String old) throws Exception {
        Path store = new BadStoreTableTest().copyFixtureInto(dir);
        Files.writeString(store.resolve("results.json"), old, StandardCharsets.UTF_8);

        BadStoreTableTest.Result result = BadStoreTableTest.analyze(store.toString());

        assertThat(result.out()).as(result.toString()).contains("verdict: valid", "checkpoints: ", "store: ");
        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(store.resolve("results.json"))).isEqualTo(old);
    }

    @Test
    void aStoreWithTheRunLoopsSummaryIsAnalyzed() throws Exception {
        analyzesAndLeavesAlone(RUN_LOOP_SUMMARY);
    }

    @Test
    void aStoreWithVersion1IsAnalyzed() throws Exception {
        analyzesAndLeavesAlone(VERSION_1);
    }

    @Test
    void aStoreWithoutResultsGetsTheCurrentVersionMarkedAnalyzed() throws Exception {
        Path store = new BadStoreTableTest().copyFixtureInto(dir);

        BadStoreTableTest.Result result = BadStoreTableTest.analyze(store.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode written = new ObjectMapper().readTree(store.resolve("results.json").toFile());
        assertThat(written.path("version").asInt()).isEqualTo(2);
        assertThat(written.path("analyzed").asBoolean()).isTrue();
        assertThat(written.path("valid").asBoolean()).isTrue();
        assertThat(written.path("restores").path("count").isInt()).isTrue();
        assertThat(written.has("finalCheckpoint")).isTrue();
    }
}
