package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A {@link DurableFile} on a real file of the backing directory, open for one operation. */
final class BackingFile implements DurableFile, AutoCloseable {
  private final FileChannel channel;

  private BackingFile(FileChannel channel) {
    this.channel = channel;
  }

  static BackingFile forReading(Path path) throws IOException {
    return new BackingFile(FileChannel.open(path, StandardOpenOption.READ));
  }

  static BackingFile forWriting(Path path) throws IOException {
    return new BackingFile(FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  @Override
  public long length() throws IOException {
    return channel.size();
  }

  @Override
  public int read(long position, byte[] dst, int offset, int len) throws IOException {
    int n = channel.read(ByteBuffer.wrap(dst, offset, len), position);
    return Math.max(n, 0);
  }

  @Override
  public void write(long position, byte[] src, int offset, int len) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(src, offset, len);
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  @Override
  public void setLength(long length) throws IOException {
    long current = channel.size();
    if (length < current) {
      channel.truncate(length);
    } else if (length > current) {
      channel.write(ByteBuffer.allocate(1), length - 1);
    }
  }

  @Override
  public void force() throws IOException {
    channel.force(true);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
