package io.cutcheck.harness.runtime.local;

import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.runtime.LaunchSpec;
import io.cutcheck.harness.runtime.Node;
import io.cutcheck.harness.runtime.Pausable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node as an OS process on this host: {@code <command> --node-config <nodeDir>/node-config.json},
 * standard output and error appended to its log across restarts.
 */
final class LocalNode implements Node, Pausable {

    private final LaunchSpec spec;
    private final Path configFile;
    private final Path logFile;
    private final RunFile runFile;
    private Process process;
    private boolean paused;

    LocalNode(LaunchSpec spec, RunFile runFile) throws IOException {
        this.spec = spec;
        this.runFile = runFile;
        Files.createDirectories(spec.nodeDir().resolve("data"));
        this.configFile = spec.nodeDir().resolve("node-config.json").toAbsolutePath();
        Files.write(configFile, spec.nodeConfig());
        this.logFile = spec.nodeDir().resolveSibling(spec.node() + ".log").toAbsolutePath();
    }

    synchronized void launch() throws IOException {
        List<String> command = new ArrayList<>(spec.command());
        command.add("--node-config");
        command.add(configFile.toString());
        Files.writeString(logFile, "=== cutcheck: starting " + spec.node() + " at " + Instant.now() + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command)
                .directory(spec.nodeDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        paused = false;
        runFile.record(process.toHandle(), configFile.toString());
    }

    @Override
    public String name() {
        return spec.node();
    }

    @Override
    public String role() {
        return spec.role();
    }

    @Override
    public URI controlUri() {
        return URI.create("http://" + spec.address().bindHost() + ":" + spec.address().controlPort());
    }

    @Override
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name() + " did not die within 10 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paused = false;
    }

    @Override
    public synchronized void restart() {
        kill();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart " + name(), e);
        }
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public synchronized void pause() {
        if (isAlive()) {
            Signals.stop(process.toHandle());
            paused = true;
        }
    }

    @Override
    public synchronized void resume() {
        if (isAlive() && paused) {
            Signals.cont(process.toHandle());
        }
        paused = false;
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public String toString() {
        return name() + "(pid " + pid() + ")";
    }
}
