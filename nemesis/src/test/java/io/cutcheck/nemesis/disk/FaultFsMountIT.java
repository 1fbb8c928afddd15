package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real mounts: a writer in this JVM or a child process, the fault file system in its helper process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultFsMountIT {
  @TempDir Path base;
  FaultFsMount mount;
  Path dir;

  @BeforeAll
  static void requireFuse() throws IOException {
    FuseRequirement.check();
    StaleMounts.cleanup();
  }

  @BeforeEach
  void mount() throws IOException {
    Path backing = Files.createDirectories(base.resolve("backing"));
    dir = Files.createDirectories(base.resolve("data"));
    mount = FaultFsMount.mount(backing, dir);
  }

  @AfterEach
  void unmount() throws IOException {
    if (mount != null) {
      mount.close();
    }
    assertThat(MountTable.at(dir)).isEmpty();
  }

  @AfterAll
  static void noMountLeft() throws IOException {
    assertThat(StaleMounts.ownedBy(ProcessHandle.current().pid())).isEmpty();
  }

  private static void write(Path file, String text, boolean fsync) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      if (fsync) {
        ch.force(true);
      }
    }
  }

  private static void fsyncDirectory(Path directory) throws IOException {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  @Test
  void writeWithFsyncSurvivesACrash() throws IOException {
    write(dir.resolve("a"), "durable", true);
    fsyncDirectory(dir);

    mount.crash(Crash.clean());

    assertThat(Files.readString(dir.resolve("a"))).isEqualTo("durable");
  }

  @Test
  void writeWithoutFsyncIsLost() throws IOException {
    write(dir.resolve("a"), "", true);
    fsyncDirectory(dir);
    write(dir.resolve("a"), "never synced", false);
    assertThat(Files.readString(dir.resolve("a"))).isEqualTo("never synced");

    CrashReport report = mount.crash(Crash.clean());

    assertThat(Files.readString(dir.resolve("a"))).isEmpty();
    assertThat(report.pagesLost()).isEqualTo(1);
  }

  @Test
  void renameWithoutFileFsyncLosesTheData() throws IOException {
    write(dir.resolve("part.tmp"), "state", false);
    Files.move(dir.resolve("part.tmp"), dir.resolve("part"), StandardCopyOption.ATOMIC_MOVE);
    fsyncDirectory(dir);

    mount.crash(Crash.clean());

    assertThat(dir.resolve("part")).exists();
    assertThat(Files.readString(dir.resolve("part"))).isEmpty();
  }

  @Test
  void renameWithoutDirectoryFsyncIsUndone() throws IOException {
    write(dir.resolve("metadata"), "checkpoint-1", true);
    fsyncDirectory(dir);
    write(dir.resolve("metadata.tmp"), "checkpoint-2", true);
    Files.move(dir.resolve("metadata.tmp"), dir.resolve("metadata"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.readString(dir.resolve("metadata"))).isEqualTo("checkpoint-2");

    mount.crash(Crash.clean());

    assertThat(Files.readString(dir.resolve("metadata"))).isEqualTo("checkpoint-1");
    try (var names = Files.list(dir)) {
      // the creation of metadata.tmp was never made durable by a directory fsync either
      assertThat(names.map(p -> p.getFileName().toString())).containsExactly("metadata");
    }
  }

  @Test
  void theFullCommitProtocolSurvives() throws IOException {
    write(dir.resolve("metadata.tmp"), "checkpoint-2", true);
    Files.move(dir.resolve("metadata.tmp"), dir.resolve("metadata"), StandardCopyOption.ATOMIC_MOVE);
    fsyncDirectory(dir);

    mount.crash(Crash.clean());

    assertThat(Files.readString(dir.resolve("metadata"))).isEqualTo("checkpoint-2");
  }

  @Test
  void fsyncLatencyIsAddedOnMatchingPathsOnly() throws IOException {
    mount.setFaults(List.of(DiskFault.delay(DiskOp.FSYNC, 400).onPaths("/slow")), 1);

    long slow = timeMs(() -> write(dir.resolve("slow"), "x", true));
    long fast = timeMs(() -> write(dir.resolve("fast"), "x", true));
    mount.clearFaults();
    long cleared = timeMs(() -> write(dir.resolve("slow"), "y", true));

    // generous margins: the machine running this may be busy
    assertThat(slow).isGreaterThanOrEqualTo(400);
    assertThat(fast).isLessThan(300);
    assertThat(cleared).isLessThan(300);
  }

  @Test
  void eioOnFsyncReachesAJavaWriter() throws IOException {
    mount.setFaults(List.of(DiskFault.error(DiskOp.FSYNC, Errno.EIO, 1)), 1);

    assertThatThrownBy(() -> write(dir.resolve("a"), "x", true))
        .isInstanceOf(IOException.class).hasMessageContaining("Input/output error");
  }

  @Test
  void aFailedFsyncThatLosesTheDataLetsTheRetrySucceed() throws IOException {
    write(dir.resolve("a"), "", true);
    fsyncDirectory(dir);
    mount.setFaults(List.of(DiskFault.error(DiskOp.FSYNC, Errno.EIO, 1).losingUnsynced()), 1);
    try (FileChannel ch = FileChannel.open(dir.resolve("a"), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap("written once".getBytes(StandardCharsets.UTF_8)));
      assertThatThrownBy(() -> ch.force(true)).hasMessageContaining("Input/output error");
      mount.clearFaults();
      ch.force(true);
    }

    assertThat(Files.readString(dir.resolve("a"))).isEmpty();
  }

  @Test
  void eioOnRenameReachesAJavaWriter() throws IOException {
    write(dir.resolve("a"), "x", false);
    mount.setFaults(List.of(DiskFault.error(DiskOp.RENAME, Errno.EIO, 1)), 1);

    assertThatThrownBy(() -> Files.move(dir.resolve("a"), dir.resolve("b"), StandardCopyOption.ATOMIC_MOVE))
        .isInstanceOf(IOException.class);
    assertThat(dir.resolve("a")).exists();
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void enospcOnWriteReachesAChildProcess() throws Exception {
    mount.setFaults(List.of(DiskFault.error(DiskOp.WRITE, Errno.ENOSPC, 1).onPaths("\\.dat$")), 1);

    Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + dir.resolve("x.dat"), "bs=4k", "count=1")
        .redirectErrorStream(true).start();
    String output = new String(dd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(dd.waitFor()).isNotZero();
    assertThat(output).contains("No space left on device");

    Process ok = new ProcessBuilder("dd", "if=/dev/zero", "of=" + dir.resolve("x.log"), "bs=4k", "count=1")
        .redirectErrorStream(true).start();
    ok.getInputStream().readAllBytes();
    assertThat(ok.waitFor()).isZero();
  }

  @Test
  void tornCrashKeepsAReproduciblePartOfTheUnsyncedPages() throws IOException {
    byte[] pages = new byte[16 * DirtyFile.PAGE];
    java.util.Arrays.fill(pages, (byte) 'x');
    write(dir.resolve("f"), "", true);
    fsyncDirectory(dir);
    try (FileChannel ch = FileChannel.open(dir.resolve("f"), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(pages));
    }

    CrashReport report = mount.crash(Crash.torn(5));

    assertThat(report.pagesKept() + report.pagesLost()).isEqualTo(16);
    byte[] after = Files.readAllBytes(dir.resolve("f"));
    long kept = 0;
    for (int i = 0; i * DirtyFile.PAGE < after.length; i++) {
      kept += after[i * DirtyFile.PAGE] == 'x' ? 1 : 0;
    }
    assertThat(kept).isEqualTo(report.pagesKept());
  }

  @Test
  void aCleanUnmountMakesEverythingDurable() throws IOException {
    write(dir.resolve("a"), "unsynced at unmount", false);

    mount.close();

    assertThat(MountTable.at(dir)).isEmpty();
    assertThat(Files.readString(base.resolve("backing/a"))).isEqualTo("unsynced at unmount");
    assertThat(base.resolve("backing").resolve(Backing.STASH)).doesNotExist();
  }

  @Test
  void aBusyMountIsDetachedLazilyAndItsHelperEnded() throws IOException {
    FileChannel held = FileChannel.open(dir.resolve("held"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    held.write(ByteBuffer.wrap(new byte[] {1}));

    mount.close();

    assertThat(MountTable.at(dir)).isEmpty();
    try {
      held.close();
    } catch (IOException e) {
      // the helper was stopped under the open file: its holder learns the file system is gone
      assertThat(e).hasMessageContaining("not connected");
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  private static long timeMs(Action action) throws IOException {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
