package io.cutcheck.sut.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @TempDir
    Path dataDir;

    private CheckpointStore store() {
        return new CheckpointStore(dataDir, new DurableWriter(Fsync.DISK, StorageDefect.NONE));
    }

    private CheckpointMetadata commit(CheckpointStore store, long id) throws IOException {
        PartInfo part = store.writePart(id, "operator-0", ("state " + id).getBytes(StandardCharsets.UTF_8));
        CheckpointMetadata metadata = new CheckpointMetadata(1, id, "interval", 1, 2, 3, List.of(part), Map.of(0, id * 10));
        store.writeMetadata(metadata);
        return metadata;
    }

    @Test
    void partRoundTripsWithTheChecksumTheMetadataRecords() throws IOException {
        CheckpointStore store = store();
        CheckpointMetadata metadata = commit(store, 1);
        assertThat(store.readPart(1, "operator-0", metadata.part("operator-0"))).asString(StandardCharsets.UTF_8)
                .isEqualTo("state 1");
        assertThat(store.readMetadata(1)).contains(metadata);
    }

    @Test
    void aPendingCheckpointWithPartsButNoMetadataIsNeverTheNewestCommitted() throws IOException {
        CheckpointStore store = store();
        commit(store, 1);
        store.writePart(2, "operator-0", new byte[] {1, 2, 3});
        assertThat(store.newestCommitted()).map(CheckpointMetadata::id).contains(1L);
    }

    @Test
    void aHalfWrittenMetadataFileIsNotCommitted() throws IOException {
        CheckpointStore store = store();
        commit(store, 1);
        commit(store, 2);
        byte[] full = Files.readAllBytes(store.metadataPath(2));
        Files.write(store.metadataPath(2), java.util.Arrays.copyOf(full, full.length / 2));
        assertThat(store.newestCommitted()).map(CheckpointMetadata::id).contains(1L);
    }

    @Test
    void anAbortedCheckpointIsNeverRestored() throws IOException {
        CheckpointStore store = store();
        commit(store, 1);
        store.writePart(2, "operator-0", new byte[] {9});
        store.delete(2);
        assertThat(store.ids()).containsExactly(1L);
        assertThat(store.newestCommitted()).map(CheckpointMetadata::id).contains(1L);
    }

    @Test
    void aFlippedByteInAPartIsDetected() throws IOException {
        CheckpointStore store = store();
        CheckpointMetadata metadata = commit(store, 1);
        Path part = dataDir.resolve(metadata.parts().get(0).file());
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length - 1] ^= 0x40;
        Files.write(part, bytes);
        assertThatThrownBy(() -> store.readPart(1, "operator-0", metadata.part("operator-0")))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> store.readPart(1, "operator-0", Optional.empty()))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining("checksum");
    }

    @Test
    void aTornOrMissingPartIsDetected() throws IOException {
        CheckpointStore store = store();
        CheckpointMetadata metadata = commit(store, 1);
        Path part = dataDir.resolve(metadata.parts().get(0).file());
        Files.write(part, java.util.Arrays.copyOf(Files.readAllBytes(part), 10));
        assertThatThrownBy(() -> store.readPart(1, "operator-0", Optional.empty()))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining("torn");
        Files.delete(part);
        assertThatThrownBy(() -> store.readPart(1, "operator-0", metadata.part("operator-0")))
                .isInstanceOf(CorruptCheckpointException.class).hasMessageContaining("missing");
    }

    @Test
    void retentionKeepsTheLastKCommittedAndDeletesOlderAbortedAndHalfWritten() throws IOException {
        CheckpointStore store = store();
        for (long id = 1; id <= 5; id++) {
            commit(store, id);
        }
        store.writePart(3, "sink-0", new byte[] {1});
        store.delete(3);
        store.writePart(3, "operator-0", new byte[] {1}); // half-written: parts, no metadata
        store.writePart(6, "operator-0", new byte[] {1}); // in flight above the newest committed
        assertThat(store.retainCommitted(2)).containsExactly(4L, 5L);
        assertThat(store.ids()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void retentionOfPartsKeepsTheNamedOnesAndThoseInFlight() throws IOException {
        CheckpointStore store = store();
        for (long id = 1; id <= 4; id++) {
            store.writePart(id, "operator-0", new byte[] {(byte) id});
        }
        store.retainParts(Set.of(2L), 3);
        assertThat(store.ids()).containsExactly(2L, 4L);
        store.discardAbove(2);
        assertThat(store.ids()).containsExactly(2L);
    }

    @Test
    void idsAreNeverReusedAcrossRestartsEvenAfterTheirDirectoriesAreDeleted() throws IOException {
        CheckpointStore store = store();
        CheckpointIds ids = new CheckpointIds(store);
        assertThat(ids.next()).isEqualTo(1);
        assertThat(ids.next()).isEqualTo(2);
        store.writePart(2, "operator-0", new byte[] {1});
        store.delete(2);
        assertThat(new CheckpointIds(store()).next()).isEqualTo(3);
    }
}
