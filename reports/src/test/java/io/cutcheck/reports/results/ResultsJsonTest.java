package io.cutcheck.reports.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Coverage;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.run.DrainOutcome;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.reports.RunReport;
import io.cutcheck.reports.SyntheticRun;
import io.cutcheck.reports.figures.RunFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {

    @TempDir
    Path store;

    private JsonNode written(RunReport report) throws Exception {
        Path file = ResultsJson.write(report, RunFigures.of(report.observations(), report.spec()));
        assertThat(file).isEqualTo(store.resolve("results.json"));
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void anInvalidRunSaysFalseAndListsItsAnomalyWithEvidence() throws Exception {
        JsonNode json = written(SyntheticRun.report(store));

        assertThat(json.get("version").asInt()).isEqualTo(2);
        assertThat(json.get("test").asText()).isEqualTo("barrier-kill-pause");
        assertThat(json.get("store").asText()).isEqualTo(store.toAbsolutePath().normalize().toString());
        assertThat(json.get("valid").isBoolean()).isTrue();
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("anomalies")).hasSize(1);
        JsonNode anomaly = json.get("anomalies").get(0);
        assertThat(anomaly.get("checker").asText()).isEqualTo("committed-restore");
        assertThat(anomaly.get("type").asText()).isEqualTo("restore-from-uncommitted");
        assertThat(anomaly.get("explanation").asText()).contains("checkpoint 16");
        assertThat(anomaly.get("checkpoint").asLong()).isEqualTo(16);
        assertThat(anomaly.get("node").asText()).isEqualTo("operator-1");
        assertThat(anomaly.get("evidence").get("events").toString()).isEqualTo("[412,413]");
    }

    @Test
    void anInvalidRunCarriesItsDiagnosisGroupedWithTheTimeToDetection() throws Exception {
        JsonNode diagnosis = written(SyntheticRun.report(store)).get("diagnosis");

        assertThat(diagnosis.get("groups")).hasSize(1);
        JsonNode group = diagnosis.get("groups").get(0);
        assertThat(group.get("checker").asText()).isEqualTo("committed-restore");
        assertThat(group.get("type").asText()).isEqualTo("restore-from-uncommitted");
        assertThat(group.get("count").asInt()).isEqualTo(1);
        assertThat(group.get("first").asText()).contains("checkpoint 16");
        assertThat(group.get("checkpoints").toString()).isEqualTo("[16]");
        assertThat(diagnosis.get("detectedAfterMs").isNumber()).isTrue();
        assertThat(diagnosis.get("firstCheckpoint").asLong()).isEqualTo(16);
        JsonNode restore = diagnosis.get("firstRestore");
        assertThat(restore.get("checkpoint").asLong()).as("the kill at 8 s restored checkpoint 7").isEqualTo(7);
        assertThat(restore.get("nodes")).hasSize(6);
        assertThat(restore.get("startedAfterMs").asLong()).isBetween(7_000L, 9_000L);
    }

    @Test
    void countsCheckpointsRestoresAndFaults() throws Exception {
        JsonNode json = written(SyntheticRun.report(store));

        JsonNode checkpoints = json.get("checkpoints");
        assertThat(checkpoints.get("committed").asInt()).isEqualTo(24);
        assertThat(checkpoints.get("aborted").asInt()).isEqualTo(5);
        assertThat(checkpoints.get("pending").asInt()).isZero();
        assertThat(checkpoints.get("total").asInt()).isEqualTo(29);
        assertThat(checkpoints.get("durationMs").get("count").asInt()).isEqualTo(24);

        JsonNode restores = json.get("restores");
        assertThat(restores.get("count").asInt()).isEqualTo(3);
        assertThat(restores.get("episodes").get(0).get("checkpoint").asLong()).isEqualTo(7);
        assertThat(restores.get("episodes").get(0).get("nodes")).hasSize(6);
        // the kill at 8.0 s; checkpoint 7 was cut at 7.013 s
        assertThat(restores.get("episodes").get(0).get("lostWorkMs").asLong()).isEqualTo(987);

        JsonNode faults = json.get("faults");
        assertThat(faults.get("count").asInt()).isEqualTo(3);
        assertThat(faults.get("unhealed").asInt()).isZero();
        assertThat(faults.get("byKind").get("pause").asInt()).isEqualTo(1);
        assertThat(faults.get("executed").get(1).get("durationMs").asLong()).isEqualTo(3_000);
    }

    @Test
    void reportsEachCheckerPhasesRecoveryAndOperations() throws Exception {
        JsonNode json = written(SyntheticRun.report(store));

        assertThat(json.get("checkers")).hasSize(3);
        assertThat(json.get("checkers").get(0).get("valid").asBoolean()).isFalse();
        assertThat(json.get("checkers").get(0).get("anomalies").asInt()).isEqualTo(1);
        assertThat(json.get("checkers").get(1).get("valid").asBoolean()).isTrue();
        assertThat(json.get("checkers").get(1).get("stats").get("records").asInt()).isEqualTo(2_400);
        JsonNode phases = json.get("phases");
        assertThat(phases.get("setupMs").asLong()).isEqualTo(2_340);
        assertThat(phases.get("runMs").asLong()).isEqualTo(30_000);
        assertThat(phases.get("healMs").asLong()).isEqualTo(410);
        assertThat(phases.get("drainMs").asLong()).isEqualTo(3_120);
        assertThat(phases.get("checkMs").asLong()).isEqualTo(180);
        assertThat(phases.get("totalMs").asLong()).isEqualTo(36_050);
        JsonNode recovery = json.get("recovery");
        assertThat(recovery.get("intervalMs").asLong()).isEqualTo(1_000);
        assertThat(recovery.get("intervalSource").asText()).isEqualTo("spec");
        assertThat(recovery.get("modelMs").asLong()).isEqualTo(500 + recovery.get("checkpointCostMs").asLong());
        assertThat(json.get("operations").get("ok").asInt()).isPositive();
        assertThat(json.get("operations").get("info").asInt()).isPositive();
    }

    @Test
    void statsJacksonCannotMapBecomeStrings() throws Exception {
        JsonNode json = written(SyntheticRun.report(store, List.of(CheckResult.valid("progress",
                Map.of("recoveredWithin", Duration.ofMillis(1500), "commits", 6)))));

        JsonNode stats = json.get("checkers").get(0).get("stats");
        assertThat(stats.get("recoveredWithin").asText()).isEqualTo("PT1.5S");
        assertThat(stats.get("commits").asInt()).isEqualTo(6);
    }

    @Test
    void eachCheckerCarriesItsCoverageAndAPartialOneSaysWhy() throws Exception {
        JsonNode checkers = written(SyntheticRun.report(store, List.of(
                CheckResult.judged("stream-consistent-cut", List.of(), Map.of(),
                        new Coverage(3, 46, "committed checkpoints", "43 had no content fetched")),
                CheckResult.judged("bank-snapshot", List.of(), Map.of(), new Coverage(0, 5, "committed snapshots", null)),
                CheckResult.valid("progress", Map.of())))).get("checkers");

        JsonNode partial = checkers.get(0).get("coverage");
        assertThat(checkers.get(0).get("valid").asBoolean()).isTrue();
        assertThat(partial.get("judged").asLong()).isEqualTo(3);
        assertThat(partial.get("of").asLong()).isEqualTo(46);
        assertThat(partial.get("what").asText()).isEqualTo("committed checkpoints");
        assertThat(partial.get("complete").asBoolean()).isFalse();
        assertThat(partial.get("note").asText()).isEqualTo("judged 3 of 46 committed checkpoints; 43 had no content fetched");
        assertThat(checkers.get(1).get("valid").asText()).isEqualTo("unknown");
        assertThat(checkers.get(1).get("coverage").get("judged").asLong()).isZero();
        assertThat(checkers.get(2).get("coverage").isNull()).isTrue();
    }

    @Test
    void aValidRunSaysTrue() throws Exception {
        JsonNode json = written(SyntheticRun.report(store, SyntheticRun.validResults()));

        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("anomalies")).isEmpty();
    }

    @Test
    void aRunNobodyCouldJudgeSaysUnknown() throws Exception {
        JsonNode unknown = written(SyntheticRun.report(store,
                List.of(CheckResult.unknown("consistent-cut", "No committed checkpoint content was fetched."))));
        assertThat(unknown.get("valid").asText()).isEqualTo("unknown");
        assertThat(unknown.get("exitCode").asInt()).isEqualTo(2);
        assertThat(unknown.get("anomalies").get(0).get("type").asText()).isEqualTo("unknown");

        JsonNode unjudged = written(SyntheticRun.report(store, List.of()));
        assertThat(unjudged.get("valid").asText()).isEqualTo("unknown");
    }

    /** The top-level fields RESULTS.md documents, in its order. */
    private static List<String> documentedTopLevel() throws Exception {
        String doc = Files.readString(Path.of("RESULTS.md"));
        String table = doc.substring(doc.indexOf("## Top level"), doc.indexOf("\n## ", doc.indexOf("## Top level")));
        List<String> fields = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-zA-Z]+)` \\|").matcher(table);
        while (row.find()) {
            fields.add(row.group(1));
        }
        return fields;
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private RunReport outcome(Validity verdict, String error, DrainOutcome drain, boolean analyzed) {
        RunReport synthetic = SyntheticRun.report(store);
        return new RunReport(new RunOutcome(verdict, store, error, synthetic.observations(), synthetic.results(),
                synthetic.phases(), drain, analyzed), synthetic.spec());
    }

    @Test
    void aFinishedRunWritesEveryDocumentedFieldButTheConditionalOnesInTheirOrder() throws Exception {
        DrainOutcome drained = new DrainOutcome(true, 31L, "final checkpoint 31 covers all input");
        JsonNode json = written(outcome(Validity.INVALID, null, drained, false));

        List<String> documented = documentedTopLevel();
        assertThat(documented).contains("version", "phases", "drained", "error", "analyzed");
        assertThat(fieldNames(json)).containsExactlyElementsOf(
                documented.stream().filter(f -> !f.equals("error") && !f.equals("analyzed")).toList());
        assertThat(json.get("version").asInt()).isEqualTo(ResultsJson.VERSION).isEqualTo(2);
        assertThat(json.get("drained").asBoolean()).isTrue();
        assertThat(json.get("finalCheckpoint").asLong()).isEqualTo(31);
        assertThat(json.get("drainNote").asText()).isEqualTo("final checkpoint 31 covers all input");
    }

    @Test
    void aRunCutShortSaysWhyAndIsUnknownWithExitCodeTwo() throws Exception {
        JsonNode json = written(outcome(Validity.UNKNOWN, "nodes not running after 60 s: sink-0",
                DrainOutcome.fromStore(false), false));

        assertThat(json.get("error").asText()).isEqualTo("nodes not running after 60 s: sink-0");
        assertThat(json.get("valid").asText()).isEqualTo("unknown");
        assertThat(json.get("exitCode").asInt()).isEqualTo(2);
        assertThat(json.get("drained").asBoolean()).isFalse();
        assertThat(json.get("finalCheckpoint").isNull()).as("present, and null: the drain never ended").isTrue();
        assertThat(json.get("drainNote").isNull()).isTrue();
        assertThat(json.has("analyzed")).isFalse();
    }

    @Test
    void anInvalidRunCutShortStaysInvalidWithItsError() throws Exception {
        JsonNode json = written(outcome(Validity.INVALID, "the output store did not answer",
                DrainOutcome.fromStore(false), false));

        assertThat(json.get("valid").asBoolean(true)).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(1);
        assertThat(json.get("error").asText()).isEqualTo("the output store did not answer");
    }

    @Test
    void aStoreJudgedAgainSaysAnalyzed() throws Exception {
        JsonNode json = written(outcome(Validity.VALID, null, DrainOutcome.fromStore(true), true));

        assertThat(json.get("analyzed").asBoolean()).isTrue();
        assertThat(json.has("error")).isFalse();
    }

    @Test
    void theRestoreCountIsTheNumberOfEpisodes() throws Exception {
        JsonNode restores = written(SyntheticRun.report(store)).get("restores");

        assertThat(restores.get("count").asInt()).isEqualTo(restores.get("episodes").size());
    }
}
