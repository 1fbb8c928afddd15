package io.cutcheck.workloads.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Collected;
import org.junit.jupiter.api.Test;

class ExactlyOnceCheckerTest {

    private final ExactlyOnceChecker checker = new ExactlyOnceChecker();

    /** k1 is in both partitions, so its counts interleave them. */
    private static StreamRun run() {
        return StreamRun.of(new String[] {"k1:3", "k2:4", "k1:5"}, new String[] {"k1:1", "k3:2"});
    }

    @Test
    void everyRecordOnceWithCountsOfAnInterleavingIsValid() {
        CheckResult result = checker.check(run().build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("inputRecords", 5L).containsEntry("lost", 0L);
    }

    @Test
    void anotherInterleavingIsValidToo() {
        StreamRun run = run();
        // k1 counted 1/0 (value 1) first, then 0/0 (3), then 0/2 (5)
        run.output.set(0, StreamRun.entry(0, 0, 0, "k1", 3, 2, 4));
        run.output.set(1, StreamRun.entry(1, 1, 0, "k1", 1, 1, 1));
        assertThat(checker.check(run.build()).validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void aLostRecordIsNamedByPartitionOffsetAndKey() {
        StreamRun run = run();
        run.output.remove(3); // the entry for 1/1 (k3)
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        Anomaly lost = result.anomalies().stream().filter(a -> a.type().equals("lost-record")).findFirst().orElseThrow();
        assertThat(lost.evidence()).containsEntry("partition", 1).containsEntry("offset", 1).containsEntry("key", "k3");
    }

    @Test
    void aMissingRecordBeforeTheDrainIsOnlyUnknown() {
        StreamRun run = run();
        run.output.remove(4); // the last: 0/2 (k1 count 3)
        run.drained = false;
        assertThat(checker.check(run.build()).validity()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void aDuplicateNamesBothOutputs() {
        StreamRun run = run();
        run.output.add(StreamRun.entry(9, 0, 1, "k2", 4, 2, 8));
        CheckResult result = checker.check(run.build());
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly("duplicated-transaction", "duplicated-record");
        assertThat(result.anomalies().get(1).evidence()).containsEntry("offset", 1L).containsEntry("firstOutputSeq", 2L)
                .containsEntry("outputSeq", 9L);
    }

    @Test
    void aWrongCountIsCaught() {
        StreamRun run = run();
        run.outputRecord(4).put("count", 2).put("sum", 4); // 0/2 (k1) repeats count 2
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        assertThat(result.anomalies()).extracting(Anomaly::type).contains("count-repeated");
    }

    @Test
    void countsAgainstAPartitionsOrderAreCaught() {
        StreamRun run = run();
        // 0/0 gets count 3 and 0/2 count 1: no interleaving keeps partition 0's order
        run.output.set(0, StreamRun.entry(0, 0, 0, "k1", 3, 3, 9));
        run.output.set(4, StreamRun.entry(4, 0, 2, "k1", 5, 1, 5));
        run.output.set(1, StreamRun.entry(1, 1, 0, "k1", 1, 2, 6));
        assertThat(checker.check(run.build()).anomalies()).extracting(Anomaly::type).containsExactly("count-out-of-order");
    }

    @Test
    void aWrongSumIsCaught() {
        StreamRun run = run();
        run.outputRecord(2).put("sum", 5); // 0/1 k2 value 4, sum must be 4
        assertThat(checker.check(run.build()).anomalies()).extracting(Anomaly::type).containsExactly("wrong-sum");
    }

    @Test
    void outputThatNamesNoInputOrTheWrongOneIsCaught() {
        StreamRun run = run();
        run.output.add(StreamRun.entry(5, 1, 7, "k9", 1, 1, 1));
        run.outputRecord(3).put("value", 9);
        assertThat(checker.check(run.build()).anomalies()).extracting(Anomaly::type)
                .contains("phantom-record", "corrupt-record");
    }

    @Test
    void anUnreadableInputLogIsUnknown() {
        StreamRun run = run();
        ((com.fasterxml.jackson.databind.node.ObjectNode) run.input.get(0).get(1)).put("offset", 7);
        assertThat(checker.check(run.build()).validity()).isEqualTo(Validity.UNKNOWN);
    }

    @Test
    void aDeclaredPartitionThatGotNoRecordsIsNoLoss() {
        StreamRun run = StreamRun.of(new String[] {"k1:3", "k2:4"});
        run.collected = Collected.whole(3);
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("inputRecords", 2L);
    }

    @Test
    void recordsInAPartitionTheLogDoesNotDeclareAreUnknown() {
        StreamRun run = run();
        run.collected = Collected.whole(1);
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.anomalies().get(0).explanation()).contains("partition 1").contains("declares 1");
    }

    @Test
    void inputNeverCollectedIsUnknownNotLoss() {
        StreamRun run = run();
        run.input.clear();
        run.collected = Collected.missing("the run ended before the input log and output store were read");
        CheckResult result = checker.check(run.build());
        assertThat(result.validity()).isEqualTo(Validity.UNKNOWN);
        assertThat(result.anomalies().get(0).explanation()).contains("ended before");
    }
}
