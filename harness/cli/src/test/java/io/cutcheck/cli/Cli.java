package io.cutcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded command-line jar as a child process, as a user would, so exit codes, standard
 * output and standard error are real. Each instance has its own run directory, so the leftover
 * reaper of one test never sees another's harness.
 */
final class Cli {

    /** What a finished command printed and returned. */
    record Result(int exitCode, String out, String err) {}

    static final Path ROOT = projectRoot();
    static final Path JAR = ROOT.resolve("harness/cli/target/cutcheck.jar");

    final Path runDir;

    Cli(Path runDir) {
        this.runDir = runDir;
    }

    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cutcheck")) && Files.isDirectory(dir.resolve("systems-under-test"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root from " + Path.of("").toAbsolutePath());
    }

    /** Starts the CLI; output goes to files next to the run directory. */
    Process start(Path outputs, String... args) throws IOException {
        if (!Files.isRegularFile(JAR) || !Files.isRegularFile(ROOT.resolve("systems-under-test/target/cutcheck-sut.jar"))) {
            throw new IllegalStateException("build the jars first (mvn package): " + JAR);
        }
        Files.createDirectories(outputs);
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Dcutcheck.home=" + ROOT,
                "-Dcutcheck.runDir=" + runDir, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(outputs.toFile())
                .redirectOutput(outputs.resolve("stdout.txt").toFile())
                .redirectError(outputs.resolve("stderr.txt").toFile())
                .start();
    }

    Result run(Path outputs, long timeoutSeconds, String... args) throws Exception {
        Process p = start(outputs, args);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            p.destroyForcibly();
            throw new AssertionError("cutcheck " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(outputs.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(outputs.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    /** Every pid listed in this CLI's run files so far (nodes and services, restarts included). */
    List<Long> recordedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return pids;
        }
        try (var files = Files.list(runDir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".pids")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] parts = line.split("\t");
                    if (parts.length == 3) {
                        pids.add(Long.parseLong(parts[0]));
                    }
                }
            }
        }
        return pids;
    }

    static List<Long> alive(List<Long> pids) {
        return pids.stream().filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)).toList();
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
