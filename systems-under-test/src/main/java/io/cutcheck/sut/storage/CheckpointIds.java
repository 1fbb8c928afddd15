package io.cutcheck.sut.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands out checkpoint ids that are never reused, also across restarts: the highest id issued is made
 * durable before the id is used, and a restart continues above it and above every directory present.
 */
public final class CheckpointIds {
    private final Path file;
    private final DurableWriter writer;
    private long last;

    public CheckpointIds(CheckpointStore store) throws IOException {
        this.file = store.dataDir().resolve("last-checkpoint-id");
        this.writer = store.writer();
        long fromFile = 0;
        if (Files.exists(file)) {
            try {
                fromFile = Long.parseLong(Files.readString(file).trim());
            } catch (NumberFormatException e) {
                fromFile = 0;
            }
        }
        long fromDirs = store.ids().stream().mapToLong(Long::longValue).max().orElse(0);
        last = Math.max(fromFile, fromDirs);
    }

    public synchronized long next() throws IOException {
        long id = last + 1;
        writer.write(file, Long.toString(id).getBytes(StandardCharsets.UTF_8));
        last = id;
        return id;
    }

    public synchronized long last() {
        return last;
    }
}
