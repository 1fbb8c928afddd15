package io.cutcheck.nemesis.disk;

import java.io.IOException;

/** The durable copy of one file, as a crash leaves it: the bytes in the backing directory. */
interface DurableFile {
  long length() throws IOException;

  /** Reads up to {@code len} bytes at {@code position}; returns how many were read (0 at or past the end). */
  int read(long position, byte[] dst, int offset, int len) throws IOException;

  /** Writes bytes at {@code position}, extending the file with zeros as needed. */
  void write(long position, byte[] src, int offset, int len) throws IOException;

  /** Cuts or extends (with zeros) the file to exactly {@code length} bytes. */
  void setLength(long length) throws IOException;

  /** Makes what was written durable (fsync). */
  void force() throws IOException;
}
