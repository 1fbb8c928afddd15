package io.cutcheck.nemesis.disk;

/** The file-system operations a {@link DiskFault} can slow down or fail. */
public enum DiskOp {
  /** A write request (at most 128 KiB of one write(2); larger writes arrive as several requests). */
  WRITE,
  /** fsync(2) or fdatasync(2) of a file, and fsync(2) of a directory. */
  FSYNC,
  /** rename(2); the path matched is the source path. */
  RENAME
}
