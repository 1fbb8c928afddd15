package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures what the fault file system costs a checkpoint commit: per commit, a few part files
 * of 16 KiB–1 MiB are each written to a temporary name, fsynced, closed and renamed into place,
 * then the directory is fsynced. Runs the same seeded commits on a plain directory, through the
 * mount with no fault, and through the mount with a 20 ms fsync delay (which also delays the
 * directory fsync), and prints p50/p99 per commit.
 *
 * <pre>java -cp … io.cutcheck.nemesis.disk.FaultFsBench [--dir DIR] [--commits N] [--files K]</pre>
 */
public final class FaultFsBench {
  private static final int CHUNK = 64 * 1024;
  private static final int WARMUP = 5;

  private FaultFsBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "cutcheck-faultfs-bench");
    int commits = 100;
    int files = 4;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--dir" -> dir = Path.of(args[++i]);
          case "--commits" -> commits = Integer.parseInt(args[++i]);
          case "--files" -> files = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
      throw usage("bad value: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Files.createDirectories(dir);
    new Backing(dir).deleteTree(dir);
    Files.createDirectories(dir);
    System.out.printf("%d commits (+%d warm-up) of %d parts of 16 KiB-1 MiB, in %s%n", commits, WARMUP, files, dir);
    System.out.printf("%-28s %10s %10s %10s%n", "setup", "p50 ms", "p99 ms", "mean ms");

    report("plain directory", run(Files.createDirectories(dir.resolve("plain")), commits, files));
    Path backing = Files.createDirectories(dir.resolve("backing"));
    Path mnt = Files.createDirectories(dir.resolve("mnt"));
    try (FaultFsMount mount = FaultFsMount.mount(FaultFsLaunch.of(backing, mnt).withMaxHeap("1g"))) {
      report("fault fs, no fault", run(Files.createDirectories(mnt.resolve("nofault")), commits, files));
      mount.setFaults(List.of(DiskFault.delay(DiskOp.FSYNC, 20)), 1);
      report("fault fs, fsync +20 ms", run(Files.createDirectories(mnt.resolve("slow")), commits, files));
    }
    new Backing(dir).deleteTree(dir);
  }

  private static IllegalArgumentException usage(String message) {
    System.err.println("faultfs-bench: " + message + " (usage: FaultFsBench [--dir DIR] [--commits N] [--files K])");
    System.exit(2);
    return new IllegalArgumentException(message);
  }

  /** Runs warm-up plus {@code commits} commits; returns the measured durations in nanoseconds. */
  private static long[] run(Path dir, int commits, int files) throws IOException {
    Random random = new Random(42);
    byte[] data = new byte[1 << 20];
    random.nextBytes(data);
    long[] times = new long[commits];
    List<Path> previous = new ArrayList<>();
    for (int c = 0; c < commits + WARMUP; c++) {
      List<Path> parts = new ArrayList<>();
      long start = System.nanoTime();
      for (int f = 0; f < files; f++) {
        int size = 16 * 1024 + random.nextInt((1 << 20) - 16 * 1024 + 1);
        Path tmp = dir.resolve("part-" + f + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          for (int at = 0; at < size; at += CHUNK) {
            ch.write(ByteBuffer.wrap(data, at, Math.min(CHUNK, size - at)));
          }
          ch.force(true);
        }
        Path part = dir.resolve("chk-" + c + "-part-" + f);
        Files.move(tmp, part, StandardCopyOption.ATOMIC_MOVE);
        parts.add(part);
      }
      try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
        ch.force(true);
      }
      long elapsed = System.nanoTime() - start;
      if (c >= WARMUP) {
        times[c - WARMUP] = elapsed;
      }
      for (Path old : previous) {
        Files.delete(old);
      }
      previous = parts;
    }
    return times;
  }

  private static void report(String setup, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double p50 = sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6;
    double p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6;
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    System.out.printf("%-28s %10.1f %10.1f %10.1f%n", setup, p50, p99, mean);
  }
}
