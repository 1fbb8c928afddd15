package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cutcheck.sut.storage.CheckpointMetadata;
import io.cutcheck.sut.storage.PartInfo;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingSnapshotTest {
    private static final Set<String> PEERS = Set.of("peer-0", "peer-1", "peer-2");

    private static PendingSnapshot.Receipt receipt(String node) {
        return new PendingSnapshot.Receipt(new PartInfo(node, "checkpoints/1/" + node + ".part", 10, 42),
                Integer.parseInt(node.substring(5)), 100);
    }

    @Test
    void theManifestWaitsForEveryPeersDurablePart() {
        PendingSnapshot pending = new PendingSnapshot(1, "peer-0", "interval", 5, PEERS, null);
        assertThat(pending.onReceipt(receipt("peer-0"), 6)).isEqualTo(PendingSnapshot.Decision.WAIT);
        assertThat(pending.onReceipt(receipt("peer-2"), 7)).isEqualTo(PendingSnapshot.Decision.WAIT);
        assertThat(pending.onReceipt(receipt("peer-1"), 8)).isEqualTo(PendingSnapshot.Decision.WRITE_MANIFEST);
        assertThat(pending.onReceipt(receipt("peer-1"), 9)).isEqualTo(PendingSnapshot.Decision.IGNORE);
        CheckpointMetadata manifest = pending.manifest(10);
        assertThat(manifest.parts()).extracting(PartInfo::node).containsExactly("peer-0", "peer-1", "peer-2");
        assertThat(manifest.partsBytes()).isEqualTo(30);
        assertThat(manifest.positions()).containsEntry(0, 100L).containsEntry(2, 100L);
        assertThat(pending.acksCompleteAt()).isEqualTo(8);
    }

    @Test
    void receiptsFromStrangersAreIgnored() {
        PendingSnapshot pending = new PendingSnapshot(1, "peer-0", "interval", 5, PEERS, null);
        assertThat(pending.onReceipt(receipt("peer-9"), 6)).isEqualTo(PendingSnapshot.Decision.IGNORE);
    }

    @Test
    void theCorrectInitiatorWaitsAfterTriggering() {
        assertThat(new PendingSnapshot(1, "peer-0", "interval", 5, PEERS, null).onInitiated())
                .isEqualTo(PendingSnapshot.Decision.WAIT);
    }

    @Test
    void theDefectWritesTheManifestBeforeAnyPartIsDurable() {
        PendingSnapshot pending = new PendingSnapshot(1, "peer-0", "interval", 5, PEERS,
                MarkerDefect.MANIFEST_BEFORE_PARTS_DURABLE);
        assertThat(pending.onInitiated()).isEqualTo(PendingSnapshot.Decision.WRITE_MANIFEST);
        assertThat(pending.manifest(7).parts()).allSatisfy(e -> assertThat(e.sizeBytes()).isNegative());
        assertThat(pending.onReceipt(receipt("peer-0"), 8)).isEqualTo(PendingSnapshot.Decision.IGNORE);
    }
}
