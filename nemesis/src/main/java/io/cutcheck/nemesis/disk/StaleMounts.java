package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds fault file systems that a killed run left mounted (their owner process is gone) and
 * unmounts them, lazily if busy. Live mounts of running processes are left alone. Call it before
 * a run; the helper of a dead owner exits once its mount is gone.
 */
public final class StaleMounts {
  private StaleMounts() {}

  /** Unmounts every stale fault file system; returns the mount points it cleared. */
  public static List<Path> cleanup() throws IOException {
    List<Path> cleared = new ArrayList<>();
    for (MountTable.Entry entry : MountTable.ours()) {
      if (!entry.ownerAlive() && Unmounter.unmount(entry.mountpoint())) {
        cleared.add(entry.mountpoint());
      }
    }
    return cleared;
  }

  /** The mount points of fault file systems owned by {@code pid} that are still mounted. */
  public static List<Path> ownedBy(long pid) throws IOException {
    return MountTable.ours().stream()
        .filter(e -> e.owner().isPresent() && e.owner().getAsLong() == pid)
        .map(MountTable.Entry::mountpoint)
        .toList();
  }
}
