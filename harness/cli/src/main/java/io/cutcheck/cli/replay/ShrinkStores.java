package io.cutcheck.cli.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The stores a shrink makes under {@code STORE/shrink/}: each candidate's runs under {@code runs/},
 * of which only the newest failing one is kept (the others are the shrink's scratch, and a busy
 * schedule's candidates would fill the disk); at the end it becomes {@code last-failing/}, beside
 * {@code scenario.json}.
 */
public final class ShrinkStores {

    public static final String LAST_FAILING = "last-failing";

    private final Path dir;
    private Path lastFailing;

    public ShrinkStores(Path saved) {
        this.dir = saved.resolve("shrink");
    }

    public Path dir() {
        return dir;
    }

    /** Where the candidates' runs are stored. */
    public Path runs() {
        return dir.resolve("runs");
    }

    /** A run that failed is kept and the failing one before it removed; any other is removed. */
    public void judged(Path run, boolean failed) {
        if (run == null) {
            return;
        }
        if (failed) {
            delete(lastFailing);
            lastFailing = run;
        } else {
            delete(run);
        }
    }

    /** Moves the newest failing run to {@code last-failing/} and returns it; null if none failed. */
    public Path keepLastFailing() {
        if (lastFailing == null) {
            return null;
        }
        Path target = dir.resolve(LAST_FAILING);
        try {
            delete(target);
            Files.move(lastFailing, target, StandardCopyOption.ATOMIC_MOVE);
            delete(runs());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the last failing run " + lastFailing + ": " + e.getMessage(), e);
        }
    }

    /** Removes a previous shrink's results, so the folder holds one shrink only. */
    public void clear() {
        delete(dir);
    }

    static void delete(Path path) {
        if (path == null || !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path + ": " + e.getMessage(), e);
        }
    }
}
