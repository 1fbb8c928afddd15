package io.cutcheck.harness.checker;

import static io.cutcheck.harness.checker.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommittedRestoreCheckerTest {

    private final CommittedRestoreChecker checker = new CommittedRestoreChecker();

    @Test
    void aRestoreFromACheckpointCommittedBeforeItBeganIsValid() {
        var result = checker.check(run().committed(1, 1_000, 1_100).committed(2, 2_000, 2_100)
                .restore("a", 3_000, 2L).restore("b", 3_000, 2L).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
        assertThat(result.stats()).containsEntry("restoresFromCheckpoint", 2);
        assertThat(result.coverage()).isEqualTo(Coverage.all(2, "restores"));
    }

    @Test
    void aFreshStartIsNotThisCheckersBusiness() {
        assertThat(checker.check(run().restore("a", 500, null).build()).validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void aRestoreFromAPendingCheckpointIsInvalidAndNamesItsEvidence() {
        var result = checker.check(run().committed(1, 1_000, 1_100).pending(2, 2_000)
                .restore("b", 3_000, 2L).build());
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        Anomaly anomaly = result.anomalies().get(0);
        assertThat(anomaly.type()).isEqualTo("restore-from-uncommitted");
        assertThat(anomaly.checkpoint()).isEqualTo(2L);
        assertThat(anomaly.node()).isEqualTo("b");
        assertThat(anomaly.evidence()).containsEntry("lastListedStatus", "pending")
                .containsKeys("restoredEventSeq", "restoreStartedEventSeq");
    }

    @Test
    void aRestoreThatBeganBeforeTheCommitRestoredAPendingCheckpoint() {
        var result = checker.check(run().committed(2, 2_000, 3_500).restore("a", 3_000, 2L).build());
        assertThat(result.validity()).isEqualTo(Validity.INVALID);
        assertThat(result.anomalies().get(0).evidence()).containsEntry("committedAt", 3_500L);
    }

    @Test
    void aRestoreFromAnAbortedOrUnseenCheckpointIsInvalid() {
        assertThat(checker.check(run().aborted(3, 1_000, 1_200).restore("a", 2_000, 3L).build())
                .anomalies()).extracting(Anomaly::type).containsExactly("restore-from-aborted");
        assertThat(checker.check(run().restore("a", 2_000, 9L).build()).anomalies().get(0).evidence())
                .containsEntry("lastListedStatus", "never listed");
    }

    @Test
    void aRestoreAnnouncedBeforeItsCheckpointWasChosenBeginsWhenItIsChosen() {
        // a fresh task announces a restore at 900 without a checkpoint, is told 4 at 1 500 (committed at 1 100)
        var result = checker.check(run().event("a", 900, "restore-started", null).committed(4, 1_000, 1_100)
                .event("a", 1_500, "restored", 4L).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
    }

    @Test
    void theCommittedEventAloneIsEnoughEvidence() {
        // the node died before the harness polled /checkpoints: only the event tells
        var result = checker.check(run().event("coordinator", 1_100, "committed", 4L).restore("a", 2_000, 4L).build());
        assertThat(result.validity()).isEqualTo(Validity.VALID);
    }
}
