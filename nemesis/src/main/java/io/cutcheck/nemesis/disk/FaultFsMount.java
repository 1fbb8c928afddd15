package io.cutcheck.nemesis.disk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A live fault file system: a helper process ({@link FaultFsMain}) serving a mount. Made by
 * {@link #mount}, which returns only once the mount is live; {@link #close} unmounts (lazily if
 * busy) and ends the helper. Closing is idempotent and also happens at JVM exit; if this JVM is
 * killed, the helper notices its stdin closing and unmounts itself, and {@link StaleMounts}
 * clears what is left.
 *
 * <p>A clean unmount makes everything durable, as a real file system would. To test what a crash
 * leaves, kill the writers, call {@link #crash}, then read or restart.
 */
public final class FaultFsMount implements AutoCloseable {
  private final FaultFsLaunch launch;
  private final Process helper;
  private final ControlClient control;
  private final Thread exitHook;
  private boolean closed;

  private FaultFsMount(FaultFsLaunch launch, Process helper, int port) {
    this.launch = launch;
    this.helper = helper;
    this.control = new ControlClient(port);
    this.exitHook = new Thread(this::closeQuietly, "faultfs-unmount");
  }

  /** Mounts a fault file system of {@code backing} at {@code mountpoint} with default launch settings. */
  public static FaultFsMount mount(Path backing, Path mountpoint) throws IOException {
    return mount(FaultFsLaunch.of(backing, mountpoint));
  }

  public static FaultFsMount mount(FaultFsLaunch launch) throws IOException {
    var existing = MountTable.at(launch.mountpoint());
    if (existing.isPresent()) {
      if (existing.get().ownerAlive()) {
        throw new IOException("a live fault file system is already mounted at " + launch.mountpoint());
      }
      Unmounter.unmount(launch.mountpoint()); // left by a killed run; its mount point is unusable until then
    }
    Files.createDirectories(launch.mountpoint());
    // C1 only and the serial collector: the helper starts in about half the time (one mount per
    // node, made one after another before the nodes start), and a few of them share small machines.
    List<String> command = new ArrayList<>(List.of(launch.java().toString(), "-Xmx" + launch.maxHeap(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", launch.classpath(), FaultFsMain.class.getName(),
        "--backing", launch.backing().toString(), "--mount", launch.mountpoint().toString(),
        "--control-port", "0", "--owner-pid", Long.toString(ProcessHandle.current().pid()),
        "--tag", launch.mountpoint().getFileName().toString(), "--exit-with-stdin"));
    if (launch.allowOther()) {
      command.add("--allow-other");
    }
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(launch.log().toFile()))
        .start();
    try {
      int port = awaitPort(process, launch);
      FaultFsMount mount = new FaultFsMount(launch, process, port);
      mount.awaitLive();
      Runtime.getRuntime().addShutdownHook(mount.exitHook);
      return mount;
    } catch (IOException | RuntimeException e) {
      process.destroy();
      Unmounter.attempt(launch.mountpoint(), true);
      waitOrKill(process);
      throw new IOException(e.getMessage() + logTail(launch.log()), e);
    }
  }

  public Path mountpoint() {
    return launch.mountpoint();
  }

  public Path backing() {
    return launch.backing();
  }

  /** The helper process serving the mount (to record it, so a later run can reap it). */
  public ProcessHandle helper() {
    return helper.toHandle();
  }

  /** Puts {@code faults} in force, replacing all others; {@code seed} decides which operations fail. */
  public void setFaults(List<DiskFault> faults, long seed) throws IOException {
    control.setFaults(new FaultRequest(faults, seed));
  }

  public void clearFaults() throws IOException {
    control.clearFaults();
  }

  /** Simulates a power loss. Kill the processes using the mount first: they may hold kernel-cached pages. */
  public CrashReport crash(Crash crash) throws IOException {
    return control.crash(crash);
  }

  /** Makes everything durable now, like sync(2). */
  public void sync() throws IOException {
    control.sync();
  }

  public FsStatus status() throws IOException {
    return control.status();
  }

  /** Unmounts (lazily if busy) and ends the helper; throws if the mount could not be removed. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // already shutting down: we are the hook
    }
    Unmounter.unmount(launch.mountpoint());
    helper.getOutputStream().close();
    waitOrKill(helper);
    if (MountTable.at(launch.mountpoint()).isPresent()) {
      Unmounter.attempt(launch.mountpoint(), true);
      if (MountTable.at(launch.mountpoint()).isPresent()) {
        throw new IOException("could not unmount " + launch.mountpoint());
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      System.err.println("faultfs: " + e.getMessage());
    }
  }

  private static int awaitPort(Process process, FaultFsLaunch launch) throws IOException {
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
      } catch (IOException e) {
        return null;
      }
    });
    try {
      String ready = line.get(launch.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (ready == null || !ready.startsWith(FaultFsMain.READY_PREFIX)) {
        throw new IOException("fault fs helper exited before listening (exit "
            + (process.isAlive() ? "?" : process.exitValue()) + ")");
      }
      return Integer.parseInt(ready.substring(FaultFsMain.READY_PREFIX.length()).trim());
    } catch (TimeoutException e) {
      throw new IOException("fault fs helper did not start within " + launch.startTimeout());
    } catch (ExecutionException e) {
      throw new IOException("fault fs helper output unreadable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the fault fs helper");
    }
  }

  private void awaitLive() throws IOException {
    long deadline = System.nanoTime() + launch.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (!helper.isAlive()) {
        throw new IOException("fault fs helper exited with " + helper.exitValue() + " before mounting "
            + launch.mountpoint());
      }
      if (MountTable.at(launch.mountpoint()).isPresent()) {
        control.status();
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the mount");
      }
    }
    throw new IOException("mount at " + launch.mountpoint() + " not live within " + launch.startTimeout());
  }

  private static void waitOrKill(Process process) {
    try {
      // A lazily detached mount keeps its helper serving until the last open file closes:
      // give a clean exit a few seconds, then stop it.
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static String logTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.isEmpty() ? "" : "; helper log: " + String.join(" | ",
          lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
