package io.cutcheck.sut.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/**
 * Writes a file so that it is either absent or complete after a crash: write a temporary file, fsync it,
 * rename it into place, fsync the directory. The storage defects each skip or swallow one of these steps.
 */
public final class DurableWriter {
    private static final Logger LOG = Logger.getLogger(DurableWriter.class.getName());
    static final String TEMP_SUFFIX = ".tmp";

    private final Fsync fsync;
    private final StorageDefect defect;

    public DurableWriter(Fsync fsync, StorageDefect defect) {
        this.fsync = fsync;
        this.defect = defect;
    }

    public void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (defect != StorageDefect.RENAME_WITHOUT_FSYNC) {
                sync(() -> fsync.file(channel), temp);
            }
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (defect != StorageDefect.MANIFEST_WITHOUT_DIR_FSYNC) {
            try {
                sync(() -> fsync.directory(dir), dir);
            } catch (IOException e) {
                withdraw(target);
                throw e;
            }
        }
    }

    /**
     * Removes a file whose write failed after its rename (the directory fsync failed): the caller
     * learns the write did not happen, so a restart must not find the file and take it for a
     * commit (a checkpoint reported aborted, restored later). Best effort: a disk that fails the
     * unlink too leaves the file, as it would leave any half-done work.
     */
    private void withdraw(Path target) {
        try {
            Files.deleteIfExists(target);
            fsync.directory(target.getParent());
        } catch (IOException e) {
            LOG.warning("could not withdraw " + target + " after a failed write: " + e.getMessage());
        }
    }

    /** Makes a newly created directory's name durable in its parent. */
    public void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir);
        if (defect != StorageDefect.MANIFEST_WITHOUT_DIR_FSYNC) {
            sync(() -> fsync.directory(dir.getParent()), dir.getParent());
        }
    }

    private interface SyncCall {
        void run() throws IOException;
    }

    private void sync(SyncCall call, Path what) throws IOException {
        try {
            call.run();
        } catch (IOException e) {
            if (defect != StorageDefect.IGNORE_FSYNC_ERROR) {
                throw e;
            }
            LOG.warning("fsync of " + what + " failed, ignored: " + e.getMessage());
        }
    }
}
