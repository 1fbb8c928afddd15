package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Coverage;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.run.DrainOutcome;
import io.cutcheck.harness.run.RunOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a run prints: the verdict, a partial judgement beside its checker, the diagnosis with full counts. */
class RunnerPrintTest {

    private static String print(List<CheckResult> checks, String results) throws Exception {
        JsonNode r = new ObjectMapper().readTree(results);
        Validity verdict = checks.stream().map(CheckResult::validity).reduce(Validity.VALID, Validity::and);
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            Runner.print(new RunOutcome(verdict, null, null, null, checks, Map.of(), DrainOutcome.fromStore(false),
                    false), r, out);
        }
        return text.toString();
    }

    @Test
    void aPartialJudgementSaysSoOnItsCheckersLineAndACompleteOneSaysNothing() throws Exception {
        String printed = print(List.of(
                CheckResult.judged("stream-consistent-cut", List.of(), Map.of(),
                        new Coverage(3, 46, "committed checkpoints", "43 had no content fetched")),
                CheckResult.judged("no-lost-commit", List.of(), Map.of(), Coverage.all(2, "restores"))), "{}");

        assertThat(printed).contains("verdict: valid\n")
                .contains("checker [stream-consistent-cut] valid (judged 3 of 46 committed checkpoints; 43 had no"
                        + " content fetched)\n")
                .doesNotContain("no-lost-commit");
    }

    @Test
    void belowTheFloorTheCheckerIsUnknownWithItsCoverage() throws Exception {
        String printed = print(List.of(CheckResult.judged("bank-snapshot", List.of(), Map.of(),
                new Coverage(0, 12, "committed snapshots", "12 had no content fetched"))), "{}");

        assertThat(printed).contains("verdict: unknown\n")
                .contains("checker [bank-snapshot] unknown (judged 0 of 12 committed snapshots; 12 had no content fetched)");
    }

    @Test
    void theDiagnosisLineShowsTheGroupFirstWithItsCount() throws Exception {
        String printed = print(List.of(CheckResult.of("stream-exactly-once", List.of(Anomaly.of("lost-transaction", "x")),
                Map.of())), """
                {"diagnosis": {"detectedAfterMs": 8000, "groups": [
                  {"checker": "stream-exactly-once", "type": "lost-transaction", "count": 1,
                   "first": "All 733 lost records (0/120-0/480) are below the source positions of checkpoint 12.",
                   "checkpoints": [12], "moreCheckpoints": false},
                  {"checker": "stream-exactly-once", "type": "lost-record", "count": 733,
                   "first": "Input record 0/120 (key k3) is not in the committed output after the drain.",
                   "checkpoints": [], "moreCheckpoints": false}]}}""");

        assertThat(printed).contains("diagnosis: [stream-exactly-once] lost-transaction × 1: All 733 lost records"
                + " (0/120-0/480) are below the source positions of checkpoint 12. (checkpoints 12)\n"
                + "           [stream-exactly-once] lost-record × 733: Input record 0/120");
    }

    @Test
    void theFirstCheckpointNamedAndTheFirstRestoreFollowTheTimeToDetection() throws Exception {
        String printed = print(List.of(CheckResult.of("committed-restore", List.of(Anomaly.of("restore-from-uncommitted", "x")),
                Map.of())), """
                {"diagnosis": {"detectedAfterMs": 8000, "firstCheckpoint": 16,
                  "firstRestore": {"checkpoint": 7, "nodes": ["a", "b"], "startedAfterMs": 8420},
                  "groups": [{"checker": "committed-restore", "type": "restore-from-uncommitted", "count": 1,
                   "first": "operator-1 restored from checkpoint 16.", "checkpoints": [16], "moreCheckpoints": false}]}}""");

        assertThat(printed).contains("detected after 8.0 s of the run\n"
                + "first checkpoint named: 16; first restore: checkpoint 7 at 8.4 s (2 node(s))\n");
    }
}
