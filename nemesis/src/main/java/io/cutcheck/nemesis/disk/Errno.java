package io.cutcheck.nemesis.disk;

/** The Linux errno values the fault file system returns; numbers are those of Linux on x86_64 and arm64. */
public enum Errno {
  /** No such file or directory. */
  ENOENT(2),
  /** Input/output error: what a failing disk reports. */
  EIO(5),
  /** Bad file descriptor. */
  EBADF(9),
  /** Permission denied. */
  EACCES(13),
  /** File exists. */
  EEXIST(17),
  /** Invalid cross-device link. */
  EXDEV(18),
  /** Not a directory. */
  ENOTDIR(20),
  /** Is a directory. */
  EISDIR(21),
  /** Invalid argument. */
  EINVAL(22),
  /** No space left on device: what a full disk reports. */
  ENOSPC(28),
  /** Read-only file system. */
  EROFS(30),
  /** Directory not empty. */
  ENOTEMPTY(39);

  private final int code;

  Errno(int code) {
    this.code = code;
  }

  /** The positive errno number. */
  public int code() {
    return code;
  }

  /** The value a FUSE callback returns to report this error. */
  public int negative() {
    return -code;
  }
}
