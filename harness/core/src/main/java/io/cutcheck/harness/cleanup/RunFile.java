package io.cutcheck.harness.cleanup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The list of processes this harness started, one file per harness process under the run
 * directory ({@code ~/.cutcheck/run/<harness-pid>.pids}, or {@code -Dcutcheck.runDir}). Each
 * line is written and flushed as the process starts, so a harness killed with -9 leaves a list
 * the next harness uses to kill its leftovers ({@link LeftoverReaper}).
 *
 * <p>Line format: {@code pid<TAB>startMillis<TAB>marker}, where the marker is a piece of the
 * process's command line (its node-config path) checked before killing, so a reused pid is never
 * killed by mistake.
 */
public final class RunFile implements AutoCloseable {

    private final Path file;

    private RunFile(Path file) {
        this.file = file;
    }

    public static Path defaultDirectory() {
        String configured = System.getProperty("cutcheck.runDir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cutcheck", "run");
    }

    /** Creates this harness's run file in {@code directory}. */
    public static RunFile create(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(ProcessHandle.current().pid() + ".pids");
            Files.writeString(file, "", StandardCharsets.UTF_8);
            return new RunFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run file in " + directory, e);
        }
    }

    public Path path() {
        return file;
    }

    /** Records a started process; {@code marker} must occur in its command line. */
    public synchronized void record(ProcessHandle process, String marker) {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        String line = process.pid() + "\t" + start + "\t" + marker.replace('\t', ' ').replace('\n', ' ') + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run file " + file, e);
        }
    }

    /** Removes the file: called after every recorded process was stopped. */
    @Override
    public synchronized void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale file is harmless: the reaper checks every pid before acting
        }
    }
}
