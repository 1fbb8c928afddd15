package io.cutcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of the folders a command will write in, made before it starts anything. */
final class Folders {

    private Folders() {}

    /**
     * {@code dir} (given as {@code flag VALUE}) must be a directory or one that can be made: a file
     * in its way would only show once a run's watchdog is up, as a run cut short.
     *
     * @throws IllegalArgumentException one line naming the flag and the file in the way
     */
    static void requireMakeable(String flag, Path value, Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d)) {
                if (!Files.isWritable(d)) {
                    throw new IllegalArgumentException(flag + " " + value + ": cannot write in " + d);
                }
                return;
            }
            if (Files.exists(d)) {
                throw new IllegalArgumentException(flag + " " + value + ": " + d + " is a file, not a directory");
            }
        }
    }
}
