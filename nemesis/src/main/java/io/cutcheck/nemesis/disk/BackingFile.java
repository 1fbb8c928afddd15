package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link DurableFile} on a real file of the backing directory, for one operation. The file is
 * opened on first use only: most writes land in pages already cached or past the durable end
 * and never touch it.
 */
final class BackingFile implements DurableFile, AutoCloseable {
  private final Path path;
  private final StandardOpenOption[] options;
  private FileChannel opened;

  private BackingFile(Path path, StandardOpenOption... options) {
    this.path = path;
    this.options = options;
  }

  static BackingFile forReading(Path path) {
    return new BackingFile(path, StandardOpenOption.READ);
  }

  static BackingFile forWriting(Path path) {
    return new BackingFile(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private FileChannel channel() throws IOException {
    if (opened == null) {
      opened = FileChannel.open(path, options);
    }
    return opened;
  }

  @Override
  public long length() throws IOException {
    return channel().size();
  }

  @Override
  public int read(long position, byte[] dst, int offset, int len) throws IOException {
    int n = channel().read(ByteBuffer.wrap(dst, offset, len), position);
    return Math.max(n, 0);
  }

  @Override
  public void write(long position, byte[] src, int offset, int len) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(src, offset, len);
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel().write(buffer, at);
    }
  }

  @Override
  public void setLength(long length) throws IOException {
    long current = channel().size();
    if (length < current) {
      channel().truncate(length);
    } else if (length > current) {
      channel().write(ByteBuffer.allocate(1), length - 1);
    }
  }

  @Override
  public void force() throws IOException {
    channel().force(true);
  }

  @Override
  public void close() throws IOException {
    if (opened != null) {
      opened.close();
    }
  }
}
