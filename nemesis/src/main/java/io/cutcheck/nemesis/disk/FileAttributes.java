package io.cutcheck.nemesis.disk;

/**
 * What getattr reports for one path: the backing file's attributes, with the size the
 * application sees (which includes unsynced writes).
 *
 * @param mode file type and permission bits, as in st_mode
 */
record FileAttributes(
    int mode, long size, long inode, int links, int uid, int gid,
    long accessNanos, long modifyNanos, long changeNanos) {

  static final int TYPE_MASK = 0170000;
  static final int DIRECTORY = 0040000;
  static final int REGULAR = 0100000;

  boolean isDirectory() {
    return (mode & TYPE_MASK) == DIRECTORY;
  }

  boolean isRegularFile() {
    return (mode & TYPE_MASK) == REGULAR;
  }
}
