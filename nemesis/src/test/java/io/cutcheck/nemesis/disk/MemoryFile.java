package io.cutcheck.nemesis.disk;

import java.util.Arrays;

/** A {@link DurableFile} in memory, counting fsyncs: the durable side of page-cache tests. */
final class MemoryFile implements DurableFile {
  byte[] bytes;
  int forces;

  MemoryFile(byte[] initial) {
    this.bytes = initial.clone();
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public int read(long position, byte[] dst, int offset, int len) {
    if (position >= bytes.length) {
      return 0;
    }
    int n = (int) Math.min(len, bytes.length - position);
    System.arraycopy(bytes, (int) position, dst, offset, n);
    return n;
  }

  @Override
  public void write(long position, byte[] src, int offset, int len) {
    if (position + len > bytes.length) {
      bytes = Arrays.copyOf(bytes, (int) (position + len));
    }
    System.arraycopy(src, offset, bytes, (int) position, len);
  }

  @Override
  public void setLength(long length) {
    bytes = Arrays.copyOf(bytes, (int) length);
  }

  @Override
  public void force() {
    forces++;
  }
}
