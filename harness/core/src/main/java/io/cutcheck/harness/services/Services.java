package io.cutcheck.harness.services;

import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.runtime.local.FreePorts;
import io.cutcheck.harness.sut.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The harness's services, input log and output store, as local processes started from the SUT
 * jar. They are outside the fault domain: no nemesis ever touches them.
 */
public final class Services implements AutoCloseable {

    private final List<Process> processes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile URI inputLog;
    private volatile URI outputStore;
    private volatile URI inputLogLocal;
    private volatile URI outputStoreLocal;

    /**
     * Starts both services and waits until they answer. Create, register for closing, then start:
     * a shutdown hook that closes it mid-start still stops what was started.
     *
     * @param bindHost the interface they listen on
     * @param advertisedHost the host nodes use in their URLs
     * @param logDir where {@code input-log.log} and {@code output-store.log} go
     */
    public void start(Path sutJar, String bindHost, String advertisedHost, int partitions, Path logDir,
                      RunFile runFile) throws IOException {
        try {
            Files.createDirectories(logDir);
            FreePorts ports = new FreePorts();
            int inputPort = ports.next(localHost(bindHost));
            int outputPort = ports.next(localHost(bindHost));
            launch(sutJar, List.of("input-log", "--host", bindHost, "--port", Integer.toString(inputPort),
                    "--partitions", Integer.toString(partitions)), logDir.resolve("input-log.log"), runFile);
            launch(sutJar, List.of("output-store", "--host", bindHost, "--port", Integer.toString(outputPort)),
                    logDir.resolve("output-store.log"), runFile);
            inputLog = URI.create("http://" + advertisedHost + ":" + inputPort);
            outputStore = URI.create("http://" + advertisedHost + ":" + outputPort);
            URI inputLocal = URI.create("http://" + localHost(bindHost) + ":" + inputPort);
            URI outputLocal = URI.create("http://" + localHost(bindHost) + ":" + outputPort);
            awaitReady("input log", () -> new InputLogReader(inputLocal).partitions(), logDir);
            awaitReady("output store", () -> new OutputReader(outputLocal).end(), logDir);
            inputLogLocal = inputLocal;
            outputStoreLocal = outputLocal;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The input log's URL as nodes dial it. */
    public URI inputLogForNodes() {
        return inputLog;
    }

    /** The output store's URL as nodes dial it. */
    public URI outputStoreForNodes() {
        return outputStore;
    }

    /** The input log's URL as the harness (and its clients) reach it. */
    public URI inputLog() {
        return inputLogLocal;
    }

    /** The output store's URL as the harness reaches it. */
    public URI outputStore() {
        return outputStoreLocal;
    }

    public List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    private synchronized void launch(Path jar, List<String> args, Path log, RunFile runFile) throws IOException {
        if (closed) {
            throw new IOException("stopped before the " + args.get(0) + " started");
        }
        List<String> command = new ArrayList<>(List.of(SutJar.javaCommand(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.add(p);
        runFile.record(p.toHandle(), jar + " " + args.get(0));
    }

    private void awaitReady(String what, Supplier<Reply<?>> probe, Path logDir) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Reply<?> last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (last.isOk()) {
                return;
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IOException("the " + what + " exited at start; see " + logDir);
            }
            sleep(100);
        }
        throw new IOException("the " + what + " did not answer within 30 s (" + (last == null ? "" : last.describe()) + ")");
    }

    private static String localHost(String bindHost) {
        return "0.0.0.0".equals(bindHost) ? "127.0.0.1" : bindHost;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops both services; also safe while {@link #start} is still running (from a shutdown hook). */
    @Override
    public synchronized void close() {
        closed = true;
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
