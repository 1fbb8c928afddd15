package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core without FUSE: operations by mount path on a real backing directory. */
class FaultFsTest {
  @TempDir Path backing;
  FaultFs fs;

  @BeforeEach
  void open() throws Exception {
    fs = new FaultFs(backing);
  }

  private void write(String path, String text) throws Exception {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    fs.write(path, fs.getattr(path).size(), b, b.length);
  }

  private String read(String path) throws Exception {
    byte[] b = new byte[(int) fs.getattr(path).size()];
    int n = fs.read(path, 0, b, b.length);
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  private void createDurably(String path, String text) throws Exception {
    fs.create(path, 0644);
    write(path, text);
    fs.fsync(path);
    fs.fsyncdir(path.substring(0, Math.max(1, path.lastIndexOf('/'))));
  }

  @Test
  void fsyncedDataSurvivesACrash() throws Exception {
    createDurably("/a", "durable");

    fs.crash(Crash.clean());

    assertThat(read("/a")).isEqualTo("durable");
  }

  @Test
  void unsyncedAppendIsLostButTheSyncedPrefixStays() throws Exception {
    createDurably("/a", "durable|");
    write("/a", "unsynced");
    assertThat(read("/a")).isEqualTo("durable|unsynced");
    assertThat(Files.readString(backing.resolve("a"))).isEqualTo("durable|");

    CrashReport report = fs.crash(Crash.clean());

    assertThat(read("/a")).isEqualTo("durable|");
    assertThat(report.pagesLost()).isEqualTo(1);
    assertThat(report.files()).isEqualTo(1);
  }

  @Test
  void createWithoutDirectoryFsyncIsUndone() throws Exception {
    fs.create("/a", 0644);
    write("/a", "data");
    fs.fsync("/a");

    CrashReport report = fs.crash(Crash.clean());

    assertThat(report.changesUndone()).isEqualTo(1);
    assertThatThrownBy(() -> fs.getattr("/a")).isInstanceOf(FsException.class)
        .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.ENOENT);
  }

  @Test
  void renameWithoutDirectoryFsyncIsUndoneAndTheReplacedFileComesBack() throws Exception {
    createDurably("/current", "old");
    createDurably("/tmp", "new");

    fs.rename("/tmp", "/current");
    assertThat(read("/current")).isEqualTo("new");
    assertThat(fs.readdir("/")).containsExactly("current");

    fs.crash(Crash.clean());

    assertThat(read("/current")).isEqualTo("old");
    assertThat(read("/tmp")).isEqualTo("new");
  }

  @Test
  void renameFollowedByDirectoryFsyncIsDurable() throws Exception {
    createDurably("/current", "old");
    createDurably("/tmp", "new");
    fs.rename("/tmp", "/current");
    fs.fsyncdir("/");

    fs.crash(Crash.clean());

    assertThat(read("/current")).isEqualTo("new");
    assertThat(fs.readdir("/")).containsExactly("current");
    assertThat(Files.list(backing.resolve(Backing.STASH))).isEmpty();
  }

  @Test
  void renameWithoutFileFsyncLeavesAnEmptyFile() throws Exception {
    fs.create("/tmp", 0644);
    write("/tmp", "never synced");
    fs.rename("/tmp", "/final");
    fs.fsyncdir("/");

    fs.crash(Crash.clean());

    assertThat(read("/final")).isEmpty();
  }

  @Test
  void unlinkWithoutDirectoryFsyncIsUndone() throws Exception {
    createDurably("/a", "keep me");
    fs.unlink("/a");
    assertThat(fs.readdir("/")).isEmpty();

    fs.crash(Crash.clean());

    assertThat(read("/a")).isEqualTo("keep me");
  }

  @Test
  void directoryFsyncMakesEarlierChangesElsewhereDurableToo() throws Exception {
    fs.mkdir("/d", 0755);
    fs.create("/d/x", 0644);
    fs.create("/y", 0644);
    fs.fsyncdir("/");

    fs.crash(Crash.clean());

    assertThat(fs.readdir("/")).containsExactlyInAnyOrder("d", "y");
    assertThat(fs.readdir("/d")).containsExactly("x");
  }

  @Test
  void directoryFsyncFollowsTheDirectoryAcrossARename() throws Exception {
    fs.mkdir("/ckpt.tmp", 0755);
    fs.create("/ckpt.tmp/part", 0644);
    fs.rename("/ckpt.tmp", "/ckpt");
    fs.fsyncdir("/ckpt");
    assertThat(fs.status().pendingChanges()).isEqualTo(1);

    fs.crash(Crash.clean());

    assertThat(fs.readdir("/")).containsExactly("ckpt.tmp");
    assertThat(fs.readdir("/ckpt.tmp")).containsExactly("part");
  }

  @Test
  void unsyncedDirtyDataFollowsARenamedDirectory() throws Exception {
    fs.mkdir("/d", 0755);
    fs.create("/d/f", 0644);
    write("/d/f", "moving");
    fs.rename("/d", "/e");

    assertThat(read("/e/f")).isEqualTo("moving");
    fs.fsync("/e/f");
    fs.fsyncdir("/");
    fs.crash(Crash.clean());

    assertThat(read("/e/f")).isEqualTo("moving");
  }

  @Test
  void tornCrashIsReproducibleForASeed() throws Exception {
    String first = tornOutcome(7);
    String second = tornOutcome(7);
    assertThat(first).isEqualTo(second);
  }

  private String tornOutcome(long seed) throws Exception {
    Path dir = Files.createTempDirectory(backing, "torn");
    FaultFs torn = new FaultFs(dir);
    torn.create("/f", 0644);
    torn.fsyncdir("/");
    byte[] page = new byte[DirtyFile.PAGE * 16];
    for (int i = 0; i < 16; i++) {
      java.util.Arrays.fill(page, i * DirtyFile.PAGE, (i + 1) * DirtyFile.PAGE, (byte) ('a' + i));
    }
    torn.write("/f", 0, page, page.length);
    for (int i = 0; i < 6; i++) {
      torn.create("/n" + i, 0644);
    }
    CrashReport report = torn.crash(Crash.torn(seed));
    assertThat(report.pagesKept() + report.pagesLost()).isEqualTo(16);
    assertThat(report.changesKept() + report.changesUndone()).isEqualTo(6);
    byte[] after = Files.readAllBytes(dir.resolve("f"));
    StringBuilder outcome = new StringBuilder(report + " ");
    for (int i = 0; i * DirtyFile.PAGE < after.length; i++) {
      outcome.append(after[i * DirtyFile.PAGE] == 0 ? '.' : (char) after[i * DirtyFile.PAGE]);
    }
    List<String> names = torn.readdir("/");
    for (int i = 0; i < report.changesKept(); i++) {
      assertThat(names).as("kept changes are the oldest").contains("n" + i);
    }
    return outcome.append(' ').append(names.stream().sorted().toList()).toString();
  }

  @Test
  void injectedErrorsReachTheCallerOnlyOnMatchingPaths() throws Exception {
    fs.create("/x.dat", 0644);
    fs.create("/x.log", 0644);
    fs.setFaults(List.of(DiskFault.error(DiskOp.WRITE, Errno.ENOSPC, 1).onPaths("\\.dat$")), 1);

    assertThatThrownBy(() -> write("/x.dat", "a")).isInstanceOf(FsException.class)
        .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.ENOSPC);
    write("/x.log", "a");

    fs.clearFaults();
    write("/x.dat", "a");
  }

  @Test
  void failedFsyncKeepsTheDataUnsynced() throws Exception {
    fs.create("/a", 0644);
    fs.fsyncdir("/");
    write("/a", "pending");
    fs.setFaults(List.of(DiskFault.error(DiskOp.FSYNC, Errno.EIO, 1)), 1);

    assertThatThrownBy(() -> fs.fsync("/a")).isInstanceOf(FsException.class);
    fs.crash(Crash.clean());

    assertThat(read("/a")).isEmpty();
  }

  @Test
  void fsyncErrorThatLosesUnsyncedDataMakesTheRetrySucceedEmptyHanded() throws Exception {
    fs.create("/a", 0644);
    fs.fsyncdir("/");
    write("/a", "pending");
    fs.setFaults(List.of(DiskFault.error(DiskOp.FSYNC, Errno.EIO, 1).losingUnsynced()), 1);

    assertThatThrownBy(() -> fs.fsync("/a")).isInstanceOf(FsException.class);
    fs.clearFaults();
    fs.fsync("/a");

    assertThat(read("/a")).isEmpty();
    fs.crash(Crash.clean());
    assertThat(read("/a")).isEmpty();
  }

  @Test
  void syncMakesEverythingDurable() throws Exception {
    fs.create("/a", 0644);
    write("/a", "synced by sync");
    fs.sync();

    fs.crash(Crash.clean());

    assertThat(read("/a")).isEqualTo("synced by sync");
  }

  @Test
  void renameRefusesWhatPosixRefuses() throws Exception {
    fs.mkdir("/d", 0755);
    fs.mkdir("/full", 0755);
    fs.create("/full/x", 0644);
    fs.create("/f", 0644);

    assertThat(errno(() -> fs.rename("/d", "/full"))).isEqualTo(Errno.ENOTEMPTY);
    assertThat(errno(() -> fs.rename("/f", "/d"))).isEqualTo(Errno.EISDIR);
    assertThat(errno(() -> fs.rename("/d", "/f"))).isEqualTo(Errno.ENOTDIR);
    assertThat(errno(() -> fs.rename("/d", "/d/inside"))).isEqualTo(Errno.EINVAL);
    assertThat(errno(() -> fs.rename("/missing", "/g"))).isEqualTo(Errno.ENOENT);
    assertThat(fs.readdir("/")).containsExactlyInAnyOrder("d", "full", "f");
  }

  private interface Call {
    void run() throws Exception;
  }

  private static Errno errno(Call call) throws Exception {
    try {
      call.run();
    } catch (FsException e) {
      return e.errno();
    }
    throw new AssertionError("no error");
  }

  @Test
  void theStashIsInvisible() throws Exception {
    assertThat(fs.readdir("/")).isEmpty();
    assertThatThrownBy(() -> fs.getattr("/" + Backing.STASH)).isInstanceOf(FsException.class);
  }
}
