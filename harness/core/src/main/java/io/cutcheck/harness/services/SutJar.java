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
        String home = System.getProperty("cutcheck.home");
        if (home != null && !home.isBlank()) {
            Path jar = Path.of(home).resolve(RELATIVE).toAbsolutePath();
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            throw new IllegalStateException("the SUT jar is missing: " + jar + " (build it with mvn package)");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve(RELATIVE);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("cannot find " + RELATIVE + " (set -Dcutcheck.home or run from the project)");
    }

    /** The java binary running this harness, so nodes and services run on the same JDK. */
    public static String javaCommand() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("/java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
