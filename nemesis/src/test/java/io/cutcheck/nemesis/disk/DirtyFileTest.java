package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DirtyFileTest {
  private static final int PAGE = DirtyFile.PAGE;

  private static byte[] filled(int len, char c) {
    byte[] b = new byte[len];
    Arrays.fill(b, (byte) c);
    return b;
  }

  private static byte[] readAll(DirtyFile file, DurableFile durable) throws Exception {
    byte[] out = new byte[(int) file.size()];
    int n = file.read(0, out, 0, out.length, durable);
    assertThat(n).isEqualTo(out.length);
    return out;
  }

  @Test
  void writesStayInMemoryUntilFlushed() throws Exception {
    MemoryFile durable = new MemoryFile("durable|".getBytes(StandardCharsets.US_ASCII));
    DirtyFile file = new DirtyFile(durable.length());

    byte[] more = "unsynced".getBytes(StandardCharsets.US_ASCII);
    file.write(8, more, 0, more.length, durable);

    assertThat(new String(readAll(file, durable), StandardCharsets.US_ASCII)).isEqualTo("durable|unsynced");
    assertThat(new String(durable.bytes, StandardCharsets.US_ASCII)).isEqualTo("durable|");

    file.flush(durable);
    assertThat(new String(durable.bytes, StandardCharsets.US_ASCII)).isEqualTo("durable|unsynced");
    assertThat(durable.forces).isEqualTo(1);
  }

  @Test
  void overwriteInTheMiddleOfAPageKeepsTheRestOfThePage() throws Exception {
    MemoryFile durable = new MemoryFile(filled(2 * PAGE, 'a'));
    DirtyFile file = new DirtyFile(durable.length());

    file.write(PAGE + 10, filled(5, 'b'), 0, 5, durable);

    byte[] seen = readAll(file, durable);
    assertThat(seen[PAGE + 9]).isEqualTo((byte) 'a');
    assertThat(seen[PAGE + 10]).isEqualTo((byte) 'b');
    assertThat(seen[PAGE + 15]).isEqualTo((byte) 'a');
    assertThat(file.pageCount()).isEqualTo(1);
  }

  @Test
  void truncateHidesDurableBytesAndRegrowthReadsZeros() throws Exception {
    MemoryFile durable = new MemoryFile(filled(3 * PAGE, 'a'));
    DirtyFile file = new DirtyFile(durable.length());

    file.truncate(5000);
    file.truncate(3 * PAGE);

    byte[] seen = readAll(file, durable);
    assertThat(seen[4999]).isEqualTo((byte) 'a');
    assertThat(seen[5000]).isEqualTo((byte) 0);
    assertThat(seen[3 * PAGE - 1]).isEqualTo((byte) 0);
    assertThat(durable.bytes).isEqualTo(filled(3 * PAGE, 'a'));

    file.flush(durable);
    assertThat(durable.bytes).hasSize(3 * PAGE);
    assertThat(durable.bytes[4999]).isEqualTo((byte) 'a');
    assertThat(durable.bytes[5000]).isEqualTo((byte) 0);
  }

  @Test
  void truncateThenWriteZeroesTheCutTailOfThePage() throws Exception {
    MemoryFile durable = new MemoryFile(filled(PAGE, 'a'));
    DirtyFile file = new DirtyFile(durable.length());

    file.write(0, filled(10, 'b'), 0, 10, durable);
    file.truncate(100);
    file.write(200, filled(1, 'c'), 0, 1, durable);

    byte[] seen = readAll(file, durable);
    assertThat(seen).hasSize(201);
    assertThat(seen[9]).isEqualTo((byte) 'b');
    assertThat(seen[99]).isEqualTo((byte) 'a');
    assertThat(seen[100]).isEqualTo((byte) 0);
    assertThat(seen[200]).isEqualTo((byte) 'c');
  }

  @Test
  void flushWritesSparsePagesAndClipsTheLastOne() throws Exception {
    MemoryFile durable = new MemoryFile(new byte[0]);
    DirtyFile file = new DirtyFile(0);
    file.write(0, filled(2 * PAGE, 'a'), 0, 2 * PAGE, durable);
    file.write(5 * PAGE, filled(100, 'b'), 0, 100, durable);

    file.flush(durable);

    assertThat(durable.bytes).hasSize(5 * PAGE + 100);
    assertThat(durable.bytes[2 * PAGE - 1]).isEqualTo((byte) 'a');
    assertThat(durable.bytes[2 * PAGE]).isEqualTo((byte) 0);
    assertThat(durable.bytes[5 * PAGE + 99]).isEqualTo((byte) 'b');
  }

  @Test
  void readPastTheEndReturnsNothing() throws Exception {
    MemoryFile durable = new MemoryFile(filled(10, 'a'));
    DirtyFile file = new DirtyFile(durable.length());
    assertThat(file.read(10, new byte[5], 0, 5, durable)).isZero();
    assertThat(file.read(8, new byte[5], 0, 5, durable)).isEqualTo(2);
  }

  @Test
  void tornPersistKeepsASeededSubsetOfPages() throws Exception {
    byte[] pattern1 = tornPattern(42);
    byte[] pattern2 = tornPattern(42);
    byte[] pattern3 = tornPattern(43);

    assertThat(pattern1).isEqualTo(pattern2);
    assertThat(pattern1).isNotEqualTo(pattern3);
    String kept = new String(pattern1, StandardCharsets.US_ASCII);
    assertThat(kept).contains("x").contains(".");
  }

  /** Writes 16 dirty pages over 16 durable ones, persists some; returns per page 'x' kept or '.' lost. */
  private static byte[] tornPattern(long seed) throws Exception {
    MemoryFile durable = new MemoryFile(filled(16 * PAGE, '.'));
    DirtyFile file = new DirtyFile(durable.length());
    file.write(0, filled(16 * PAGE, 'x'), 0, 16 * PAGE, durable);
    int kept = file.persistSome(durable, new Random(seed));
    byte[] pattern = new byte[16];
    int count = 0;
    for (int i = 0; i < 16; i++) {
      pattern[i] = durable.bytes[i * PAGE];
      count += pattern[i] == 'x' ? 1 : 0;
      byte[] page = Arrays.copyOfRange(durable.bytes, i * PAGE, (i + 1) * PAGE);
      assertThat(page).as("a page is kept whole or not at all").isEqualTo(filled(PAGE, (char) pattern[i]));
    }
    assertThat(count).isEqualTo(kept);
    return pattern;
  }
}
