package io.cutcheck.harness.cleanup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Cleans up after a harness that dies without doing it itself (kill -9, out of memory), at once
 * rather than at the next run, in the spirit of Testcontainers' Ryuk. The harness starts it as a
 * process of its own session (so a signal to the harness's process group spares it) with a pipe
 * on its standard input that the harness never writes. When the pipe reaches end of file the
 * harness is gone or done: the watchdog kills every process still listed in the harness's run
 * file, deletes the file, lets each {@link LeftoverCleaner} remove what the harness made
 * outside processes, and exits. A harness that ends normally deletes its run file first, so then
 * there is nothing left to do. The next-run {@link LeftoverReaper} stays as a second line.
 */
public final class Watchdog implements AutoCloseable {

    private static final List<String> JVM = List.of("-Xmx48m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto");

    private final Process process;
    private final OutputStream pipe;

    private Watchdog(Process process) {
        this.process = process;
        this.pipe = process.getOutputStream();
    }

    /** Starts the watchdog of this harness process, watching {@code runFile}. */
    public static Watchdog start(RunFile runFile) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: Ctrl-C or a group kill reaches the harness only
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Watchdog.class.getName(),
                Long.toString(ProcessHandle.current().pid()), runFile.path().toString()));
        try {
            Path log = runFile.path().resolveSibling(ProcessHandle.current().pid() + ".watchdog.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new Watchdog(process);
        } catch (IOException e) {
            // without it the next run's reaper still cleans up: worth a line, not a failed run
            System.err.println("cutcheck: no watchdog (" + e.getMessage() + "); leftovers of a killed harness"
                    + " are cleaned at the next run");
            return new Watchdog(null);
        }
    }

    /** Ends the watchdog after a normal run: call once the run file is closed. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            pipe.close();
        } catch (IOException ignored) {
            // a watchdog that is gone already needs no goodbye
        }
    }

    /** {@code Watchdog HARNESS_PID RUN_FILE}: waits for end of file on stdin, then cleans up. */
    public static void main(String[] args) throws Exception {
        long harness = Long.parseLong(args[0]);
        Path runFile = Path.of(args[1]);
        InputStream in = System.in;
        while (in.read() >= 0) {
            // the harness writes nothing: only end of file matters
        }
        // a harness that finished deleted its run file before closing the pipe: nothing is left
        boolean abandoned = Files.exists(runFile);
        List<Long> killed = LeftoverReaper.reapFile(runFile);
        int removed = 0;
        if (abandoned) {
            for (LeftoverCleaner cleaner : ServiceLoader.load(LeftoverCleaner.class)) {
                try {
                    removed += cleaner.cleanAfter(harness);
                } catch (Exception e) {
                    System.err.println("watchdog: " + cleaner.getClass().getSimpleName() + " failed: " + e);
                }
            }
        }
        Path log = runFile.resolveSibling(harness + ".watchdog.log");
        if (abandoned) {
            System.err.println("watchdog: harness " + harness + " is gone: killed " + killed + ", removed " + removed
                    + " containers, networks and mounts");
        } else {
            Files.deleteIfExists(log);
        }
    }
}
