package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** A file-system operation failed with an errno that goes back to the application unchanged. */
public final class FsException extends Exception {
  private final Errno errno;

  public FsException(Errno errno, String message) {
    super(errno + ": " + message, null, false, false);
    this.errno = errno;
  }

  public Errno errno() {
    return errno;
  }

  /** Translates an I/O failure on the backing directory into the errno the kernel would have given. */
  static FsException of(IOException e) {
    String message = String.valueOf(e.getMessage());
    Errno errno;
    if (e instanceof NoSuchFileException) {
      errno = Errno.ENOENT;
    } else if (e instanceof FileAlreadyExistsException) {
      errno = Errno.EEXIST;
    } else if (e instanceof DirectoryNotEmptyException) {
      errno = Errno.ENOTEMPTY;
    } else if (e instanceof NotDirectoryException) {
      errno = Errno.ENOTDIR;
    } else if (e instanceof AccessDeniedException) {
      errno = Errno.EACCES;
    } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
      errno = fromReason(fse.getReason());
    } else {
      errno = Errno.EIO;
    }
    return new FsException(errno, message);
  }

  private static Errno fromReason(String reason) {
    if (reason.contains("Is a directory")) {
      return Errno.EISDIR;
    }
    if (reason.contains("Not a directory")) {
      return Errno.ENOTDIR;
    }
    if (reason.contains("No space left")) {
      return Errno.ENOSPC;
    }
    if (reason.contains("Read-only")) {
      return Errno.EROFS;
    }
    return Errno.EIO;
  }
}
