package io.cutcheck.nemesis.disk;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The unsynced state of one file, held in memory like a kernel page cache until fsync: the
 * pages written since the last fsync, and the size the application sees. The durable bytes stay
 * untouched in the backing file until {@link #flush}; a crash simply forgets this object.
 *
 * <p>Invariant: {@code floor <= size}. Backing bytes at or above {@code floor} (the smallest
 * size the file had since its last fsync) are invisible: a truncation hid them, so they read as
 * zeros unless a dirty page covers them.
 */
final class DirtyFile {
  static final int PAGE = 4096;
  private static final int RUN_PAGES = 256;

  private long size;
  private long floor;
  private final TreeMap<Long, byte[]> pages = new TreeMap<>();

  DirtyFile(long durableLength) {
    this.size = durableLength;
    this.floor = durableLength;
  }

  long size() {
    return size;
  }

  int pageCount() {
    return pages.size();
  }

  void write(long position, byte[] src, int offset, int len, DurableFile durable) throws IOException {
    long end = position + len;
    long at = position;
    while (at < end) {
      long index = at / PAGE;
      int inPage = (int) (at % PAGE);
      int n = (int) Math.min(PAGE - inPage, end - at);
      byte[] page = page(index, durable);
      System.arraycopy(src, offset + (int) (at - position), page, inPage, n);
      at += n;
    }
    size = Math.max(size, end);
  }

  /** Reads what the application sees: dirty pages over durable bytes below the floor over zeros. */
  int read(long position, byte[] dst, int offset, int len, DurableFile durable) throws IOException {
    if (position >= size) {
      return 0;
    }
    int total = (int) Math.min(len, size - position);
    long at = position;
    long end = position + total;
    while (at < end) {
      long index = at / PAGE;
      int inPage = (int) (at % PAGE);
      int n = (int) Math.min(PAGE - inPage, end - at);
      int dstAt = offset + (int) (at - position);
      byte[] page = pages.get(index);
      if (page != null) {
        System.arraycopy(page, inPage, dst, dstAt, n);
      } else {
        Arrays.fill(dst, dstAt, dstAt + n, (byte) 0);
        readDurable(durable, at, dst, dstAt, (int) Math.max(0, Math.min(n, floor - at)));
      }
      at += n;
    }
    return total;
  }

  void truncate(long newSize) {
    if (newSize < size) {
      pages.tailMap((newSize + PAGE - 1) / PAGE, true).clear();
      byte[] last = pages.get(newSize / PAGE);
      if (last != null) {
        Arrays.fill(last, (int) (newSize % PAGE), PAGE, (byte) 0);
      }
      floor = Math.min(floor, newSize);
    }
    size = newSize;
  }

  /** What fsync does: makes the durable file equal to what the application sees. */
  void flush(DurableFile durable) throws IOException {
    if (durable.length() > floor) {
      durable.setLength(floor);
    }
    writeRuns(durable);
    durable.setLength(size);
    durable.force();
  }

  /** Writes all dirty pages, consecutive pages in one call each (up to 1 MiB), clipped at the size. */
  private void writeRuns(DurableFile durable) throws IOException {
    byte[] run = new byte[RUN_PAGES * PAGE];
    long runStart = -1;
    int runPages = 0;
    for (Map.Entry<Long, byte[]> e : pages.entrySet()) {
      long index = e.getKey();
      if (runPages > 0 && (index != runStart + runPages || runPages == RUN_PAGES)) {
        writeRun(durable, runStart, run, runPages);
        runPages = 0;
      }
      if (runPages == 0) {
        runStart = index;
      }
      System.arraycopy(e.getValue(), 0, run, runPages * PAGE, PAGE);
      runPages++;
    }
    if (runPages > 0) {
      writeRun(durable, runStart, run, runPages);
    }
  }

  private void writeRun(DurableFile durable, long firstIndex, byte[] run, int runPages) throws IOException {
    long start = firstIndex * PAGE;
    int n = (int) Math.min((long) runPages * PAGE, size - start);
    if (n > 0) {
      durable.write(start, run, 0, n);
    }
  }

  /**
   * What a crash in the middle of writeback leaves: each dirty page reaches the durable file
   * with probability 1/2, drawn from {@code random}; sizes change only as far as a kept page
   * extends the file (the gap before it reads as zeros). Returns the number of pages kept.
   */
  int persistSome(DurableFile durable, Random random) throws IOException {
    int kept = 0;
    for (Map.Entry<Long, byte[]> e : pages.entrySet()) {
      if (random.nextBoolean()) {
        writePage(durable, e.getKey(), e.getValue());
        kept++;
      }
    }
    if (kept > 0) {
      durable.force();
    }
    return kept;
  }

  private void writePage(DurableFile durable, long index, byte[] page) throws IOException {
    long start = index * PAGE;
    int n = (int) Math.min(PAGE, size - start);
    if (n > 0) {
      durable.write(start, page, 0, n);
    }
  }

  private byte[] page(long index, DurableFile durable) throws IOException {
    byte[] page = pages.get(index);
    if (page == null) {
      page = new byte[PAGE];
      long start = index * PAGE;
      readDurable(durable, start, page, 0, (int) Math.max(0, Math.min(PAGE, Math.min(floor, size) - start)));
      pages.put(index, page);
    }
    return page;
  }

  private static void readDurable(DurableFile durable, long position, byte[] dst, int offset, int len)
      throws IOException {
    int done = 0;
    while (done < len) {
      int n = durable.read(position + done, dst, offset + done, len - done);
      if (n <= 0) {
        return;
      }
      done += n;
    }
  }
}
