package io.cutcheck.nemesis.disk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a fault file system helper.
 *
 * @param backing the directory holding the durable data (must exist)
 * @param mountpoint where the node sees its data directory (must exist, should be empty)
 * @param java the java launcher for the helper
 * @param classpath a class path holding this module and jnr-fuse
 * @param maxHeap -Xmx of the helper: unsynced pages live on its heap
 * @param allowOther let other users (e.g. a container's non-root user) use the mount
 * @param startTimeout how long to wait for the mount to go live
 * @param log where the helper's stderr goes
 */
public record FaultFsLaunch(Path backing, Path mountpoint, Path java, String classpath, String maxHeap,
                            boolean allowOther, Duration startTimeout, Path log) {
  public FaultFsLaunch {
    Objects.requireNonNull(backing, "backing");
    Objects.requireNonNull(mountpoint, "mountpoint");
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(classpath, "classpath");
    Objects.requireNonNull(maxHeap, "maxHeap");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(log, "log");
  }

  /** Defaults: this JVM's java and class path, 512m heap, 20 s to start, log next to the backing directory. */
  public static FaultFsLaunch of(Path backing, Path mountpoint) {
    Path abs = backing.toAbsolutePath().normalize();
    return new FaultFsLaunch(abs, mountpoint.toAbsolutePath().normalize(),
        Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path"),
        "512m", false, Duration.ofSeconds(20), abs.resolveSibling(abs.getFileName() + ".faultfs.log"));
  }

  public FaultFsLaunch withAllowOther(boolean allow) {
    return new FaultFsLaunch(backing, mountpoint, java, classpath, maxHeap, allow, startTimeout, log);
  }

  public FaultFsLaunch withMaxHeap(String heap) {
    return new FaultFsLaunch(backing, mountpoint, java, classpath, heap, allowOther, startTimeout, log);
  }

  public FaultFsLaunch withLog(Path file) {
    return new FaultFsLaunch(backing, mountpoint, java, classpath, maxHeap, allowOther, startTimeout, file);
  }
}
