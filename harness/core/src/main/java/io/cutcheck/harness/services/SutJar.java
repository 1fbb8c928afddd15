package io.cutcheck.harness.services;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the reference SUT jar ({@code systems-under-test/target/cutcheck-sut.jar}), which also
 * holds the harness's input log and output store: under {@code -Dcutcheck.home} (set by the
 * {@code ./cutcheck} launcher), else in the working directory or one of its parents (tests).
 */
public final class SutJar {

    static final String RELATIVE = "systems-under-test/target/cutcheck-sut.jar";

    private SutJar() {}

    public static Path locate() {
        return find(RELATIVE, "build it with mvn package");
    }

    /**
     * A file or folder of the project at {@code relative}: under {@code -Dcutcheck.home}, else in
     * the working directory or one of its parents. {@code hint} says how to make a missing one.
     */
    public static Path find(String relative, String hint) {
        String home = System.getProperty("cutcheck.home");
        if (home != null && !home.isBlank()) {
            Path path = Path.of(home).resolve(relative).toAbsolutePath();
            if (Files.exists(path)) {
                return path;
            }
            throw new IllegalStateException("missing: " + path + " (" + hint + ")");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path path = dir.resolve(relative);
            if (Files.exists(path)) {
                return path;
            }
        }
        throw new IllegalStateException("cannot find " + relative + " (set -Dcutcheck.home or run from the project)");
    }

    public static String javaCommand() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("/java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
