package io.cutcheck.sut.marker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingSnapshotTest {
    private static final Set<String> PEERS = Set.of("peer-0", "peer-1", "peer-2");

    private static PartReceipt receipt(String node) {
        return new PartReceipt(node, "/d/" + node, 10, 42);
    }

    @Test
    void theManifestWaitsForEveryPeersDurablePart() {
        PendingSnapshot pending = new PendingSnapshot(1, "peer-0", "interval", 5, PEERS, null);
        assertThat(pending.onReceipt(receipt("peer-0"), 6)).isEqualTo(PendingSnapshot.Decision.WAIT);
        assertThat(pending.onReceipt(receipt("peer-2"), 7)).isEqualTo(PendingSnapshot.Decision.WAIT);
        assertThat(pending.onReceipt(receipt("peer-1"), 8)).isEqualTo(PendingSnapshot.Decision.WRITE_MANIFEST);
        assertThat(pending.onReceipt(receipt("peer-1"), 9)).isEqualTo(PendingSnapshot.Decision.IGNORE);
        Manifest manifest = pending.manifest(10);
        assertThat(manifest.parts()).extracting(Manifest.Entry::node).containsExactly("peer-0", "peer-1", "peer-2");
        assertThat(manifest.sizeBytes()).isEqualTo(30);
        assertThat(pending.acksCompleteAt()).isEqualTo(8);
    }

    @Test
    void receiptsFromStrangersAreIgnored() {
        PendingSnapshot pending = new PendingSnapshot(1, "peer-0", "interval", 5, PEERS, null);
        assertThat(pending.onReceipt(receipt("peer-9"), 6)).isEqualTo(PendingSnapshot.Decision.IGNORE);
    }

    @Test
    void theDefectWritesTheManifestOnItsOwnPartAlone() {
        PendingSnapshot pending = new PendingSnapshot(1, "peer-0", "interval", 5, PEERS,
                MarkerDefect.MANIFEST_BEFORE_PARTS_DURABLE);
        assertThat(pending.onReceipt(receipt("peer-0"), 6)).isEqualTo(PendingSnapshot.Decision.WRITE_MANIFEST);
        assertThat(pending.manifest(7).parts()).filteredOn(e -> e.bytes() < 0).hasSize(2);
    }
}
