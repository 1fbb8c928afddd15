package io.cutcheck.sut.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage defects, shown on a recording (and optionally failing) fsync double. */
class DurableWriterTest {
    @TempDir
    Path dir;

    /** Records the order of fsyncs against the file's presence at its final name. */
    private static final class RecordingFsync implements Fsync {
        final List<String> calls = new ArrayList<>();
        final Path target;
        final boolean fail;

        RecordingFsync(Path target, boolean fail) {
            this.target = target;
            this.fail = fail;
        }

        @Override
        public void file(FileChannel channel) throws IOException {
            calls.add(Files.exists(target) ? "file-after-rename" : "file-before-rename");
            if (fail) {
                throw new IOException("EIO");
            }
        }

        @Override
        public void directory(Path directory) throws IOException {
            calls.add(Files.exists(target) ? "dir-after-rename" : "dir");
            if (fail) {
                throw new IOException("EIO");
            }
        }
    }

    @Test
    void theCorrectWriterSyncsTheFileBeforeTheRenameAndTheDirectoryAfter() throws IOException {
        Path target = dir.resolve("part");
        RecordingFsync fsync = new RecordingFsync(target, false);
        new DurableWriter(fsync, StorageDefect.NONE).write(target, new byte[] {1, 2});
        assertThat(fsync.calls).containsExactly("file-before-rename", "dir-after-rename");
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2);
        assertThat(dir.resolve("part" + DurableWriter.TEMP_SUFFIX)).doesNotExist();
    }

    @Test
    void renameWithoutFsyncPutsUnsyncedContentInPlace() throws IOException {
        Path target = dir.resolve("part");
        RecordingFsync fsync = new RecordingFsync(target, false);
        new DurableWriter(fsync, StorageDefect.RENAME_WITHOUT_FSYNC).write(target, new byte[] {1});
        assertThat(fsync.calls).containsExactly("dir-after-rename");
    }

    @Test
    void manifestWithoutDirFsyncNeverSyncsTheDirectory() throws IOException {
        Path target = dir.resolve("_metadata");
        RecordingFsync fsync = new RecordingFsync(target, false);
        new DurableWriter(fsync, StorageDefect.MANIFEST_WITHOUT_DIR_FSYNC).write(target, new byte[] {1});
        assertThat(fsync.calls).containsExactly("file-before-rename");
    }

    @Test
    void aFailedFsyncFailsTheWriteUnlessTheDefectIgnoresIt() throws IOException {
        Path target = dir.resolve("part");
        assertThatThrownBy(() -> new DurableWriter(new RecordingFsync(target, true), StorageDefect.NONE)
                .write(target, new byte[] {1})).isInstanceOf(IOException.class).hasMessage("EIO");
        assertThat(target).doesNotExist();

        new DurableWriter(new RecordingFsync(target, true), StorageDefect.IGNORE_FSYNC_ERROR).write(target, new byte[] {1});
        assertThat(target).exists(); // reported durable although fsync failed
    }

    /**
     * The directory fsync fails after the rename: the write is reported failed, so the file must
     * not stay at its name, where a restart would take a checkpoint reported aborted for committed.
     */
    @Test
    void aFailedDirectoryFsyncWithdrawsTheRenamedFile() {
        Path target = dir.resolve("_metadata");
        List<String> calls = new ArrayList<>();
        Fsync dirFails = new Fsync() {
            @Override
            public void file(FileChannel channel) {
                calls.add("file");
            }

            @Override
            public void directory(Path directory) throws IOException {
                calls.add(Files.exists(target) ? "dir-with-file" : "dir-without-file");
                if (calls.size() == 2) {
                    throw new IOException("EIO");
                }
            }
        };
        assertThatThrownBy(() -> new DurableWriter(dirFails, StorageDefect.NONE).write(target, new byte[] {1}))
                .isInstanceOf(IOException.class).hasMessage("EIO");
        assertThat(target).doesNotExist();
        assertThat(calls).containsExactly("file", "dir-with-file", "dir-without-file");
    }

    @Test
    void aCheckpointWhoseMetadataFsyncFailedIsNotCommittedByTheCorrectStore() {
        Path target = dir.resolve("checkpoints/1/" + CheckpointStore.METADATA);
        CheckpointStore store = new CheckpointStore(dir, new DurableWriter(new RecordingFsync(target, true), StorageDefect.NONE));
        CheckpointMetadata m = new CheckpointMetadata(1, 1, "external", 1, 2, 3, List.of(), java.util.Map.of());
        assertThatThrownBy(() -> store.writeMetadata(m)).isInstanceOf(IOException.class);
        assertThat(store.newestCommitted()).isEmpty();
    }
}
