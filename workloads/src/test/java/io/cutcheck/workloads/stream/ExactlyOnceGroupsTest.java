package io.cutcheck.workloads.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Diagnosis;
import io.cutcheck.harness.checker.Validity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once checker's groups, on a run of two partitions of 12 records whose correct output
 * puts offsets 2(c−1) and 2c−1 of both partitions in checkpoint c's transaction {@code sink-0-(c−1)},
 * and whose committed checkpoints 1…6 have every source at 2c.
 */
class ExactlyOnceGroupsTest {

    private final ExactlyOnceChecker checker = new ExactlyOnceChecker();

    private static StreamRun run() {
        return StreamRun.uniform(2, 12).checkpointsEveryTwoOffsets(6);
    }

    private static List<Anomaly> ofType(CheckResult result, String type) {
        return result.anomalies().stream().filter(a -> a.type().equals(type)).toList();
    }

    @Test
    void recordsOfACommittedCheckpointWithNoTransactionInTheOutputAreOneLostTransactionExplainedFirst() {
        // checkpoint 3's transaction, offsets 4 and 5 of both partitions, never reached the output
        CheckResult result = checker.check(run().lose("0/4", "0/5", "1/4", "1/5").build());

        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        Anomaly group = result.anomalies().get(0);
        assertThat(group.type()).isEqualTo("lost-transaction");
        assertThat(group.checkpoint()).isEqualTo(3L);
        assertThat(group.explanation()).isEqualTo("All 4 lost records (0/4-0/5 and 1/4-1/5) are below the source"
                + " positions of checkpoint 3, which committed, so its commit promised the output of them; the"
                + " committed output holds no transaction prepared for checkpoint 3.");
        assertThat(group.evidence()).containsEntry("records", 4L).containsEntry("ranges", List.of("0/4-0/5", "1/4-1/5"))
                // lost output is known lost only after the drain, though it names the checkpoint that promised it
                .containsEntry("evidentAfterDrain", true);
        // the records themselves are still there, after the group
        assertThat(ofType(result, "lost-record")).hasSize(4);
    }

    @Test
    void theDiagnosisKeepsTheGroupBeforeTheRecordsItExplains() {
        CheckResult result = checker.check(run().lose("0/4", "0/5", "1/4", "1/5").build());

        List<Diagnosis.Group> groups = Diagnosis.of(List.of(result));

        assertThat(groups).extracting(Diagnosis.Group::type).startsWith("lost-transaction").contains("lost-record");
        assertThat(groups).extracting(Diagnosis.Group::type).last().isEqualTo("lost-record");
        assertThat(groups.get(0).first().explanation()).startsWith("All 4 lost records");
        assertThat(groups.get(0).checkpoints()).containsExactly(3L);
    }

    @Test
    void recordsMissingFromATransactionThatIsInTheOutputSayWhatItHolds() {
        CheckResult result = checker.check(run().lose("0/4", "0/5").build());

        Anomaly group = result.anomalies().get(0);
        assertThat(group.type()).isEqualTo("lost-from-transaction");
        assertThat(group.explanation()).endsWith("the committed output holds 2 records of checkpoint 3"
                + " (txn sink-0-2: 2), but not these.");
        assertThat(ofType(result, "lost-transaction")).isEmpty();
    }

    @Test
    void recordsNoFetchedCheckpointReadPastAreGroupedByPartitionAndRange() {
        StreamRun run = run().lose("1/10", "1/11");
        run.contents.remove(6L);
        CheckResult result = checker.check(run.build());

        assertThat(result.anomalies().get(0).type()).isEqualTo("lost-range");
        assertThat(result.anomalies().get(0).explanation()).startsWith("All 2 lost records (1/10-1/11) are below the"
                + " source positions of no committed checkpoint whose content was fetched");
    }

    @Test
    void lostOffsetsStartingExactlyAtARestoredPositionAreLostAfterThatRestore() {
        // checkpoint 2 holds every source at 4; the records right after it are gone
        CheckResult result = checker.check(run().restore(null, 100).restore(2L, 5_000)
                .lose("0/4", "0/5", "0/6").build());

        List<Anomaly> afterRestore = ofType(result, "lost-after-restore");
        assertThat(afterRestore).singleElement().satisfies(a -> {
            assertThat(a.explanation()).isEqualTo("Lost offsets 0/4-0/6 start exactly at the position checkpoint 2"
                    + " restored for partition 0 (+0): the records right after where reading resumed never reached"
                    + " the output.");
            assertThat(a.checkpoint()).isEqualTo(2L);
            assertThat(a.evidence()).containsEntry("restoredCheckpoint", 2L).containsEntry("restoreBeganAt", 5_000L);
        });
        assertThat(ofType(result, "lost-while-running")).isEmpty();
    }

    @Test
    void lostOffsetsStartingAtNoRestoredPositionWereLostWhileRunning() {
        CheckResult result = checker.check(run().restore(null, 100).restore(2L, 5_000).lose("0/7", "0/8").build());

        assertThat(ofType(result, "lost-after-restore")).isEmpty();
        assertThat(ofType(result, "lost-while-running")).singleElement().satisfies(a -> assertThat(a.explanation())
                .isEqualTo("Lost offsets 0/7-0/8 (+3 from the position checkpoint 2 restored for partition 0) start at"
                        + " no restored position: dropped while the system ran, not where a restore resumed reading."));
    }

    @Test
    void lostOffsetsEndingRightBeforeARestoredPositionWereSkippedByThatRestore() {
        CheckResult result = checker.check(run().restore(3L, 5_000).lose("1/4", "1/5").build());

        assertThat(ofType(result, "lost-skipped-by-restore")).singleElement().satisfies(a -> assertThat(a.explanation())
                .startsWith("Lost offsets 1/4-1/5 end right before the position checkpoint 3 restored for partition 1"));
    }

    @Test
    void duplicatesAreGroupedByTheTwoTransactionsThatHoldThemWithTheRestoreThatRepeatedThem() {
        StreamRun run = StreamRun.uniform(2, 12);
        // checkpoint 3 never committed, yet its transaction sink-0-2 is in the output; checkpoint 2 was restored
        run.checkpoint(2, 4, 4).checkpoint(7, 12, 12).restore(2L, 5_000);
        for (int o = 4; o <= 5; o++) {
            ObjectNode again = ((ObjectNode) run.outputOf(0, o).deepCopy()).put("seq", 100 + o).put("txn", "sink-0-9")
                    .put("checkpoint", 7);
            run.output.add(again);
        }
        CheckResult result = checker.check(run.build());

        Anomaly group = result.anomalies().get(0);
        assertThat(group.type()).isEqualTo("duplicated-transaction");
        assertThat(group.checkpoint()).isEqualTo(7L);
        assertThat(group.explanation()).isEqualTo("All 2 duplicated records (0/4-0/5) were output first in txn"
                + " sink-0-2 for checkpoint 3, which was never seen committed, and again in txn sink-0-9 for"
                + " checkpoint 7, which committed; 0/4-0/5 starts exactly at the position checkpoint 2 restored for"
                + " partition 0 (+0): reading resumed there and output them again.");
        assertThat(ofType(result, "duplicated-record")).hasSize(2);
    }
}
