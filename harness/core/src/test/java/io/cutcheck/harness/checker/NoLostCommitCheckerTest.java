package io.cutcheck.harness.checker;

import static io.cutcheck.harness.checker.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoLostCommitCheckerTest {

    private final NoLostCommitChecker checker = new NoLostCommitChecker();

    @Test
    void restoringTheNewestCommittedCheckpointIsValid() {
        var result = checker.check(run().committed(1, 1_000, 1_100).committed(2, 2_000, 2_100)
                .restore("a", 3_000, 2L).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.coverage()).isEqualTo(Coverage.all(1, "restores"));
    }

    @Test
    void aCheckpointCommittedAfterTheRestoreBeganNeedNotBeUsed() {
        var result = checker.check(run().committed(1, 1_000, 1_100).committed(2, 2_000, 3_100)
                .restore("a", 3_000, 1L).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void restoringPastACommittedCheckpointLosesIt() {
        var result = checker.check(run().committed(1, 1_000, 1_100).committed(2, 2_000, 2_100)
                .restore("a", 3_000, 1L).build());
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        Anomaly anomaly = result.anomalies().get(0);
        assertThat(anomaly.type()).isEqualTo("lost-commit");
        assertThat(anomaly.checkpoint()).isEqualTo(1L);
        assertThat(anomaly.evidence()).containsEntry("newerCommittedCheckpoint", 2L);
    }

    @Test
    void fallingBackPastACommittedCheckpointThatFailedToLoadIsStillALostCommit() {
        var result = checker.check(run().committed(1, 1_000, 1_100).committed(2, 2_000, 2_100)
                .event("a", 3_000, "restore-started", 2L).restore("a", 3_100, 1L).build());
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        assertThat(result.anomalies().get(0).evidence()).containsKey("newerRestoreAttempt");
    }

    @Test
    void startingEmptyAfterACommitLosesIt() {
        var result = checker.check(run().committed(1, 1_000, 1_100).restore("a", 3_000, null).build());
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly("lost-commit");
        assertThat(checker.check(run().restore("a", 500, null).committed(1, 1_000, 1_100).build()).validity())
                .isEqualTo(Validity.VALID);
    }

    @Test
    void idsOutOfCommitOrderFromTwoInitiatorsAreNotBlamed() {
        // 7 (one initiator) committed after 9 (another): either may be called newest
        var result = checker.check(run().committed(9, 1_000, 1_100).committed(7, 1_050, 1_200)
                .restore("a", 3_000, 7L).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
    }
}
