package io.cutcheck.harness.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where one run's files live: {@code <root>/<test>/<timestamp>/}, with {@code <root>/latest}
 * pointing at the newest run. The file names are the store's format (version {@link #FORMAT}).
 */
public record StoreLayout(Path dir) {

    /**
     * The store format version, written into {@code test.json}. Version 2 added
     * {@code collected.json}; version 1 stores are still read ({@link StoreReader}).
     */
    public static final int FORMAT = 2;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Creates a new run directory and points {@code latest} at it. */
    public static StoreLayout create(Path root, String test, Instant now) throws IOException {
        Path base = root.toAbsolutePath().resolve(test);
        Files.createDirectories(base);
        String stamp = STAMP.format(now);
        Path dir = base.resolve(stamp);
        for (int i = 1; Files.exists(dir); i++) {
            dir = base.resolve(stamp + "-" + i);
        }
        Files.createDirectories(dir.resolve("nodes"));
        Path latest = root.toAbsolutePath().resolve("latest");
        Path link = root.toAbsolutePath().resolve("latest.tmp-" + ProcessHandle.current().pid());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, root.toAbsolutePath().relativize(dir));
        Files.move(link, latest, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new StoreLayout(dir);
    }

    public Path testJson() {
        return dir.resolve("test.json");
    }

    public Path history() {
        return dir.resolve("history.jsonl");
    }

    public Path nemesis() {
        return dir.resolve("nemesis.jsonl");
    }

    public Path events() {
        return dir.resolve("events.jsonl");
    }

    public Path checkpoints() {
        return dir.resolve("checkpoints.jsonl");
    }

    public Path contents() {
        return dir.resolve("contents.jsonl");
    }

    public Path input() {
        return dir.resolve("input.jsonl");
    }

    public Path output() {
        return dir.resolve("output.jsonl");
    }

    public Path collected() {
        return dir.resolve("collected.json");
    }

    public Path written() {
        return dir.resolve("written.json");
    }

    public Path finalState() {
        return dir.resolve("final-state.json");
    }

    public Path results() {
        return dir.resolve("results.json");
    }

    /** The node's working directory (data directory and node-config); its log is {@code nodes/<node>.log}. */
    public Path nodeDir(String node) {
        return dir.resolve("nodes").resolve(node);
    }

    /** Logs of the input log and output store. */
    public Path servicesDir() {
        return dir.resolve("services");
    }
}
