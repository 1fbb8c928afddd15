package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cutcheck.sut.control.CheckpointStatus;
import io.cutcheck.sut.control.CheckpointView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotBookTest {

    @Test
    void listsOwnSnapshotsAndPartsOfOthersWithTheStatusItWasTold() {
        SnapshotBook book = new SnapshotBook();
        book.triggered(65, "interval", 1, List.of("peer-0", "peer-1"));
        book.partWritten(66, "peer-0", 300, 2);
        book.partWritten(130, "peer-0", 310, 3);
        book.notified(66, 4);
        book.settlePending(Set.of(), 5);

        assertThat(book.list()).extracting(CheckpointView::id, CheckpointView::status, CheckpointView::reason)
                .containsExactly(
                        tuple(65L, CheckpointStatus.ABORTED, "interval"),
                        tuple(66L, CheckpointStatus.COMMITTED, null),
                        tuple(130L, CheckpointStatus.ABORTED, null));
        assertThat(book.list().get(1).nodes()).containsExactly("peer-0");
    }

    @Test
    void aRecoverySettlesAPendingPartAsCommittedWhenItsInitiatorMadeTheManifestDurableBeforeCrashing() {
        SnapshotBook book = new SnapshotBook();
        book.partWritten(66, "peer-0", 300, 2);   // the initiator crashed before notifying
        book.partWritten(130, "peer-0", 310, 3);
        book.settlePending(Set.of(66L), 5);

        assertThat(book.list()).extracting(CheckpointView::id, CheckpointView::status, CheckpointView::committedAt)
                .containsExactly(tuple(66L, CheckpointStatus.COMMITTED, 5L), tuple(130L, CheckpointStatus.ABORTED, null));
    }

    @Test
    void aCommittedSnapshotNeverGoesBackAndRetentionForgetsOldOnes() {
        SnapshotBook book = new SnapshotBook();
        book.partWritten(66, "peer-0", 300, 2);
        book.notified(66, 4);
        book.settlePending(Set.of(), 5);
        assertThat(book.list().get(0).status()).isEqualTo(CheckpointStatus.COMMITTED);
        book.retain(Set.of(130L), 129);
        assertThat(book.list()).isEmpty();
    }
}
