package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The helper process: mounts a {@link FaultFs} of {@code --backing} at {@code --mount} and
 * serves its control API on {@code --control-port} (0 picks a free port). Prints
 * {@code control-port N} on stdout once the API listens, then blocks until the file system is
 * unmounted (fusermount -u, SIGTERM, or — with {@code --exit-with-stdin} — the parent closing
 * our stdin or dying), makes everything durable and exits 0.
 *
 * <pre>
 * java -cp … io.cutcheck.nemesis.disk.FaultFsMain --backing DIR --mount DIR --control-port P
 *     [--owner-pid PID] [--tag NAME] [--allow-other] [--exit-with-stdin]
 * </pre>
 */
public final class FaultFsMain {

  /** How long an orphaned helper waits for its mount to appear so that it can end it. */
  private static final long ORPHAN_MOUNT_PATIENCE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(8);
  static final String READY_PREFIX = "control-port ";

  private FaultFsMain() {}

  /** Parsed command line. */
  record Options(Path backing, Path mount, int controlPort, long ownerPid, String tag,
                 boolean allowOther, boolean exitWithStdin) {

    static Options parse(String[] args) {
      Path backing = null;
      Path mount = null;
      Integer port = null;
      long owner = ProcessHandle.current().pid();
      String tag = "fs";
      boolean allowOther = false;
      boolean exitWithStdin = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--backing" -> backing = Path.of(value(args, ++i, "--backing"));
          case "--mount" -> mount = Path.of(value(args, ++i, "--mount"));
          case "--control-port" -> port = number(value(args, ++i, "--control-port"), "--control-port");
          case "--owner-pid" -> owner = number(value(args, ++i, "--owner-pid"), "--owner-pid");
          case "--tag" -> tag = value(args, ++i, "--tag");
          case "--allow-other" -> allowOther = true;
          case "--exit-with-stdin" -> exitWithStdin = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (backing == null || mount == null || port == null) {
        throw new IllegalArgumentException("usage: FaultFsMain --backing DIR --mount DIR --control-port P "
            + "[--owner-pid PID] [--tag NAME] [--allow-other] [--exit-with-stdin]");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("--control-port must be 0..65535, was " + port);
      }
      if (!Files.isDirectory(backing)) {
        throw new IllegalArgumentException("--backing is not a directory: " + backing);
      }
      if (!Files.isDirectory(mount)) {
        throw new IllegalArgumentException("--mount is not a directory: " + mount);
      }
      return new Options(backing.toAbsolutePath().normalize(), mount.toAbsolutePath().normalize(), port,
          owner, tag, allowOther, exitWithStdin);
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i];
    }

    private static int number(String s, String name) {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number, was " + s);
      }
    }

    /** libfuse2 arguments: no kernel attribute or entry caching, so nothing stale survives a crash. */
    String[] fuseArguments() {
      List<String> o = new ArrayList<>(List.of("big_writes", "attr_timeout=0", "entry_timeout=0",
          "negative_timeout=0", "fsname=" + MountTable.fsName(ownerPid, tag), "subtype=" + MountTable.MARKER));
      if (allowOther) {
        o.add("allow_other");
      }
      return new String[] {"-o", String.join(",", o)};
    }
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("faultfs: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(run(options, System.out));
  }

  static int run(Options options, PrintStream out) {
    FaultFs fs;
    FaultFsControlServer control;
    try {
      fs = new FaultFs(options.backing());
      control = FaultFsControlServer.start(fs, options.controlPort());
    } catch (IOException e) {
      System.err.println("faultfs: cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> syncQuietly(fs), "faultfs-sync"));
    if (options.exitWithStdin()) {
      watchStdin(System.in, options.mount());
    }
    out.println(READY_PREFIX + control.port());
    out.flush();
    JnrFaultFs fuse = new JnrFaultFs(fs);
    try {
      fuse.mount(options.mount(), true, false, options.fuseArguments());
      fs.close();
      return 0;
    } catch (RuntimeException e) {
      System.err.println("faultfs: mount failed at " + options.mount() + ": " + e.getMessage()
          + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
      return 1;
    } catch (IOException e) {
      System.err.println("faultfs: final sync failed: " + e.getMessage());
      return 1;
    } finally {
      control.close();
    }
  }

  /**
   * When the parent that started us goes away, our stdin reaches EOF: unmount, which ends the
   * mount loop. A parent killed while we were still mounting leaves EOF before the mount exists,
   * so the unmount is retried until the mount has come and gone; if it never comes, we halt.
   */
  private static void watchStdin(InputStream in, Path mount) {
    Thread watcher = new Thread(() -> {
      try {
        while (in.read() >= 0) {
          // the parent writes nothing; we only wait for EOF
        }
      } catch (IOException e) {
        // treat as EOF
      }
      long deadline = System.nanoTime() + ORPHAN_MOUNT_PATIENCE_NANOS;
      while (System.nanoTime() < deadline) {
        try {
          if (MountTable.at(mount).isPresent() && Unmounter.unmount(mount)) {
            return; // the mount loop ends, and main exits
          }
          Thread.sleep(100);
        } catch (IOException e) {
          System.err.println("faultfs: unmount after parent exit failed: " + e.getMessage());
        } catch (InterruptedException e) {
          return;
        }
      }
      System.err.println("faultfs: parent gone and no mount to end at " + mount + "; exiting");
      Runtime.getRuntime().halt(1);
    }, "faultfs-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void syncQuietly(FaultFs fs) {
    try {
      fs.sync();
    } catch (IOException | RuntimeException e) {
      System.err.println("faultfs: sync at exit failed: " + e.getMessage());
    }
  }
}
