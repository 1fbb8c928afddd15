package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Unmounts a FUSE mount with fusermount (from the fuse3 package; {@code fusermount} links to
 * {@code fusermount3}), falling back to umount(8) when it is missing. A busy mount is detached
 * lazily: it disappears from the name space at once and goes when its last user closes it.
 */
final class Unmounter {
  private Unmounter() {}

  /** The outcome of one unmount attempt: whether it worked and what the tool printed. */
  record Result(boolean ok, String output) {}

  /** Unmounts; if that fails (e.g. busy), detaches lazily. True when the mount is gone. */
  static boolean unmount(Path mountpoint) throws IOException {
    if (attempt(mountpoint, false).ok()) {
      return true;
    }
    attempt(mountpoint, true);
    return MountTable.at(mountpoint).isEmpty();
  }

  static Result attempt(Path mountpoint, boolean lazy) {
    String path = mountpoint.toAbsolutePath().toString();
    for (List<String> command : commands(path, lazy)) {
      try {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          continue;
        }
        if (p.exitValue() == 0) {
          return new Result(true, output);
        }
        if (!output.contains("not found") && !output.contains("No such file")) {
          return new Result(false, output);
        }
      } catch (IOException e) {
        // tool missing: try the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(false, "interrupted");
      }
    }
    return new Result(false, "no fusermount, fusermount3 or umount worked for " + path);
  }

  private static List<List<String>> commands(String path, boolean lazy) {
    List<List<String>> commands = new ArrayList<>();
    for (String tool : List.of("fusermount", "fusermount3")) {
      commands.add(lazy ? List.of(tool, "-u", "-z", path) : List.of(tool, "-u", path));
    }
    commands.add(lazy ? List.of("umount", "-l", path) : List.of("umount", path));
    return commands;
  }
}
