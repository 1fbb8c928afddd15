package io.cutcheck.sut.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** The two durability calls of the commit protocol; tests substitute a double that fails or counts. */
public interface Fsync {
    void file(FileChannel channel) throws IOException;

    void directory(Path directory) throws IOException;

    /** The real thing: fsync(2) on the file, and on the directory opened read-only. */
    Fsync DISK = new Fsync() {
        @Override
        public void file(FileChannel channel) throws IOException {
            channel.force(true);
        }

        @Override
        public void directory(Path directory) throws IOException {
            try (FileChannel dir = FileChannel.open(directory, java.nio.file.StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    };
}
