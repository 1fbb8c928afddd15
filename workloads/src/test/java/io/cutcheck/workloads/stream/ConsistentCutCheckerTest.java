package io.cutcheck.workloads.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Coverage;
import io.cutcheck.harness.checker.Validity;
import java.util.Map;
import io.cutcheck.harness.observe.Collected;
import org.junit.jupiter.api.Test;

class ConsistentCutCheckerTest {

    private final ConsistentCutChecker checker = new ConsistentCutChecker();

    private static StreamRun run() {
        return StreamRun.of(new String[] {"k1:3", "k2:4", "k1:5", "k2:1"}, new String[] {"k1:1", "k3:2", "k4:6"});
    }

    @Test
    void stateMatchingThePrefixAtEveryCheckpointIsValid() {
        CheckResult result = checker.check(run().checkpoint(1, 1, 2).checkpoint(2, 3, 2).checkpoint(3, 4, 3)
                .checkpoint(4, 0, 0).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("checkpointsJudged", 4);
    }

    @Test
    void stateAheadOfThePositionsIsAnInconsistentCut() {
        StreamRun run = run().checkpoint(1, 1, 2).checkpoint(2, 3, 2);
        // operator-1 already counted k1's record 0/2 although source-0 is at 1 (an unaligned barrier)
        run.state(1, "operator-1").set("k1", JsonNodeFactory.instance.objectNode().put("count", 3).put("sum", 9));
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        Anomaly anomaly = result.anomalies().get(0);
        assertThat(anomaly.type()).isEqualTo("inconsistent-cut");
        assertThat(anomaly.checkpoint()).isEqualTo(1L);
        assertThat(anomaly.node()).isEqualTo("operator-1");
        assertThat(anomaly.evidence()).containsEntry("key", "k1")
                .containsEntry("expected", Map.of("count", 2L, "sum", 4L))
                .containsEntry("actual", Map.of("count", 3L, "sum", 9L));
    }

    @Test
    void aKeyMissingFromTheStateOrOneThatShouldNotBeThereIsCaught() {
        StreamRun run = run().checkpoint(1, 2, 1);
        run.state(1, "operator-0").remove("k2");
        run.state(1, "operator-1").set("k3", JsonNodeFactory.instance.objectNode().put("count", 1).put("sum", 2));
        Anomaly anomaly = checker.check(run.build()).anomalies().get(0);
        assertThat(anomaly.evidence()).containsEntry("key", "k2").containsEntry("keysDiffering", 2)
                .containsEntry("actual", Map.of("count", 0L, "sum", 0L));
    }

    @Test
    void positionsBeyondTheInputAreCaught() {
        StreamRun run = run().checkpoint(1, 5, 1);
        assertThat(checker.check(run.build()).anomalies()).extracting(Anomaly::type).containsExactly("position-beyond-input");
    }

    @Test
    void aCheckpointWithAPartMissingIsNotJudged() {
        StreamRun run = run().checkpoint(1, 2, 1);
        run.contents.put(1L, Map.copyOf(Map.of("source-0", run.contents.get(1L).get("source-0"))));
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.stats()).containsEntry("checkpointsWithPartsMissing", java.util.List.of(1L));
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly("too-little-judged");
    }

    /** Committed checkpoints whose content retention removed first: none judged of 46 committed. */
    private static StreamRun withCheckpointsGoneBeforeTheirContentWasFetched(StreamRun run, int gone) {
        for (long id = 100; id < 100 + gone; id++) {
            run.checkpoint(id, 0, 0);
            run.contents.remove(id);
        }
        return run;
    }

    @Test
    void noCommittedCheckpointJudgedWhileSomeCommittedIsUnknownNeverValid() {
        CheckResult result = checker.check(withCheckpointsGoneBeforeTheirContentWasFetched(run(), 46).build());

        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.coverage()).isEqualTo(new Coverage(0, 46, "committed checkpoints", "46 had no content fetched"));
        assertThat(result.anomalies()).singleElement().satisfies(a -> assertThat(a.explanation())
                .contains("judged 0 of 46 committed checkpoints; 46 had no content fetched"));
    }

    @Test
    void aPartialJudgementIsValidWithItsCoverageStated() {
        StreamRun run = withCheckpointsGoneBeforeTheirContentWasFetched(
                run().checkpoint(1, 1, 2).checkpoint(2, 3, 2).checkpoint(3, 4, 3), 43);

        CheckResult result = checker.check(run.build());

        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.coverage()).isEqualTo(new Coverage(3, 46, "committed checkpoints", "43 had no content fetched"));
        assertThat(result.verdictLine()).isEqualTo("valid (judged 3 of 46 committed checkpoints; 43 had no content fetched)");
        assertThat(result.stats()).containsEntry("checkpointsWithoutContent", 43);
    }

    @Test
    void everyCommittedCheckpointJudgedIsACompleteCoverage() {
        CheckResult result = checker.check(run().checkpoint(1, 1, 2).checkpoint(2, 3, 2).build());
        assertThat(result.coverage()).isEqualTo(new Coverage(2, 2, "committed checkpoints", null));
        assertThat(result.verdictLine()).isEqualTo("valid");
    }

    @Test
    void noCheckpointCommittedAtAllIsUnknown() {
        assertThat(checker.check(run().build()).validity()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void twoSourcesDisagreeingOnAPartitionAreCaught() {
        StreamRun run = run().checkpoint(1, 2, 1);
        ObjectNode stray = JsonNodeFactory.instance.objectNode();
        stray.set("positions", JsonNodeFactory.instance.objectNode().put("0", 1));
        var parts = new java.util.HashMap<>(run.contents.get(1L));
        parts.put("source-9", stray);
        run.contents.put(1L, parts);
        assertThat(checker.check(run.build()).anomalies()).extracting(Anomaly::type).containsExactly("conflicting-positions");
    }

    @Test
    void aSourceAtOffsetZeroOfAnEmptyDeclaredPartitionIsConsistent() {
        // as the store has it: the empty last partition has no line in input.jsonl at all
        StreamRun run = StreamRun.of(new String[] {"k1:3", "k2:4"}, new String[] {}).checkpoint(1, 1, 0)
                .checkpoint(2, 2, 0);
        run.input.remove(1);
        run.collected = Collected.whole(2);
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("checkpointsJudged", 2);
    }

    @Test
    void aPositionInAnEmptyPartitionBeyondOffsetZeroIsStillCaught() {
        StreamRun run = StreamRun.of(new String[] {"k1:3", "k2:4"}, new String[] {}).checkpoint(1, 1, 1);
        run.input.remove(1);
        run.collected = Collected.whole(2);
        CheckResult result = checker.check(run.build());
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly("position-beyond-input");
    }

    @Test
    void positionsWithoutACollectedInputAreUnknownNotBeyondIt() {
        StreamRun run = run().checkpoint(1, 1, 2);
        run.input.clear();
        run.collected = Collected.missing("the run ended before the input log and output store were read");
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.anomalies()).extracting(Anomaly::type).doesNotContain("position-beyond-input");
    }
}
