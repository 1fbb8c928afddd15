package io.cutcheck.nemesis.disk;

import java.util.List;

/**
 * The state of a fault file system, as its control API reports it.
 *
 * @param faults the rules in force
 * @param dirtyFiles files with writes not yet fsynced
 * @param dirtyPages their 4 KiB pages held in memory
 * @param pendingChanges directory changes not yet made durable by a directory fsync
 */
public record FsStatus(List<DiskFault> faults, int dirtyFiles, long dirtyPages, int pendingChanges) {
  public FsStatus {
    faults = List.copyOf(faults);
  }
}
