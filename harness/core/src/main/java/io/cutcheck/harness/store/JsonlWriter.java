package io.cutcheck.harness.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one JSON value per line and flushes each line, so that a harness killed mid-run leaves
 * every line written so far readable. Safe for concurrent writers.
 */
public final class JsonlWriter implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;
    private long lines;

    public JsonlWriter(Path file) {
        this.file = file;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    public synchronized void write(Object value) {
        try {
            out.write(Json.MAPPER.writeValueAsString(value));
            out.write('\n');
            out.flush();
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized long lines() {
        return lines;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // every line was flushed already
        }
    }
}
