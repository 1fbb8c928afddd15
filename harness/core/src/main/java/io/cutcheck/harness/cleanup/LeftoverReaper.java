package io.cutcheck.harness.cleanup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Kills the processes left behind by a harness that died without cleaning up (killed with -9,
 * machine out of memory): for every run file whose harness is gone, each listed process that
 * still runs, whose start time matches and whose command line still holds the recorded marker,
 * is killed; then the file is removed. Run files of live harnesses are left alone.
 */
public final class LeftoverReaper {

    private LeftoverReaper() {}

    /** Returns the pids it killed. */
    public static List<Long> reap(Path runDirectory) {
        List<Long> killed = new ArrayList<>();
        if (!Files.isDirectory(runDirectory)) {
            return killed;
        }
        try (Stream<Path> files = Files.list(runDirectory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pids")).toList()) {
                if (ownerAlive(file)) {
                    continue;
                }
                killed.addAll(reapFile(file));
            }
        } catch (IOException e) {
            // a run directory we cannot read has nothing we could act on safely
        }
        return killed;
    }

    /**
     * Kills the processes one run file lists, whatever its owner's state, and removes the file;
     * for the {@link Watchdog}, which knows its harness is gone. Returns the pids it killed.
     */
    public static List<Long> reapFile(Path file) {
        List<Long> killed = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file)) {
                return killed;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                leftover(line).ifPresent(p -> {
                    p.destroyForcibly();
                    killed.add(p.pid());
                });
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file we cannot read has nothing we could act on safely
        }
        killed.forEach(pid -> ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(x -> p).join()));
        return killed;
    }

    private static boolean ownerAlive(Path file) {
        String name = file.getFileName().toString();
        try {
            long pid = Long.parseLong(name.substring(0, name.length() - ".pids".length()));
            if (pid == ProcessHandle.current().pid()) {
                return true;
            }
            return ProcessHandle.of(pid).map(p -> p.isAlive() && p.info().commandLine().map(c -> c.contains("java")).orElse(true))
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    static Optional<ProcessHandle> leftover(String line) {
        String[] parts = line.split("\t", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        long pid;
        long start;
        try {
            pid = Long.parseLong(parts[0]);
            start = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String marker = parts[2];
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> start == 0 || p.info().startInstant().map(Instant::toEpochMilli).map(s -> Math.abs(s - start) < 2000).orElse(false))
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
    }
}
