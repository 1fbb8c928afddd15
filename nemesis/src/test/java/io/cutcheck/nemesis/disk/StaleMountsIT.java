package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves behind, and how the next run clears it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StaleMountsIT {
  @TempDir Path base;

  @BeforeAll
  static void requireFuse() {
    FuseRequirement.check();
  }

  @Test
  void aMountWhoseOwnerAndHelperWereKilledIsCleared() throws Exception {
    withOrphanedMount(deadPid(), mountpoint -> {
      List<Path> cleared = StaleMounts.cleanup();

      assertThat(cleared).contains(mountpoint);
      assertThat(MountTable.at(mountpoint)).isEmpty();
    });
  }

  /** What is left when a FUSE helper is SIGKILLed: its mount, checked to be there before {@code body} runs. */
  private void withOrphanedMount(long owner, MountCheck body) throws Exception {
    Path mountpoint = Files.createDirectories(base.resolve("data"));
    Process helper = startHelper(Files.createDirectories(base.resolve("backing")), mountpoint, owner);
    try {
      awaitMounted(mountpoint);
      helper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      assertThat(MountTable.at(mountpoint)).as("a SIGKILLed helper leaves its mount").isPresent();
      body.check(mountpoint);
    } finally {
      helper.destroyForcibly();
      if (MountTable.at(mountpoint).isPresent()) {
        Unmounter.attempt(mountpoint, true);
      }
    }
  }

  private interface MountCheck {
    void check(Path mountpoint) throws Exception;
  }

  @Test
  void mountingOverAStaleMountClearsItFirst() throws Exception {
    Path backing = Files.createDirectories(base.resolve("backing"));
    Path mountpoint = Files.createDirectories(base.resolve("data"));
    Process helper = startHelper(backing, mountpoint, deadPid());
    try {
      awaitMounted(mountpoint);
      helper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      try (FaultFsMount mount = FaultFsMount.mount(backing, mountpoint)) {
        Files.writeString(mountpoint.resolve("a"), "works");
        assertThat(Files.readString(mountpoint.resolve("a"))).isEqualTo("works");
      }
      assertThat(MountTable.at(mountpoint)).isEmpty();
    } finally {
      helper.destroyForcibly();
      if (MountTable.at(mountpoint).isPresent()) {
        Unmounter.attempt(mountpoint, true);
      }
    }
  }

  @Test
  void aHelperWhoseParentGoesAwayUnmountsItself() throws Exception {
    Path mountpoint = Files.createDirectories(base.resolve("data"));
    Process helper = startHelper(Files.createDirectories(base.resolve("backing")), mountpoint,
        ProcessHandle.current().pid());
    try {
      awaitMounted(mountpoint);

      helper.getOutputStream().close(); // what the kernel does to the pipe when the parent dies

      assertThat(helper.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(helper.exitValue()).isZero();
      assertThat(MountTable.at(mountpoint)).isEmpty();
    } finally {
      helper.destroyForcibly();
      if (MountTable.at(mountpoint).isPresent()) {
        Unmounter.attempt(mountpoint, true);
      }
    }
  }

  /** What a watchdog does after SIGKILLing a dead harness's helpers: their mounts go too. */
  @Test
  void theWatchdogsCleanerUnmountsWhatTheKilledHelpersOfAHarnessLeft() throws Exception {
    long deadHarness = deadPid();
    withOrphanedMount(deadHarness, mountpoint -> {
      int removed = new FaultFsLeftoverCleaner().cleanAfter(deadHarness);

      assertThat(removed).isEqualTo(1);
      assertThat(MountTable.at(mountpoint)).isEmpty();
      assertThat(new FaultFsLeftoverCleaner().cleanAfter(deadHarness)).as("nothing left the second time").isZero();
    });
  }

  /** A harness killed during set-up: the pipe ends before the helper has even mounted. */
  @Test
  void aHelperWhoseParentGoesAwayBeforeItMountedStillLeavesNoMount() throws Exception {
    Path mountpoint = Files.createDirectories(base.resolve("data"));
    FaultFsLaunch launch = FaultFsLaunch.of(Files.createDirectories(base.resolve("backing")), mountpoint);
    Process helper = new ProcessBuilder(launch.java().toString(), "-cp", launch.classpath(),
        FaultFsMain.class.getName(), "--backing", launch.backing().toString(), "--mount", mountpoint.toString(),
        "--control-port", "0", "--owner-pid", Long.toString(ProcessHandle.current().pid()), "--exit-with-stdin")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      helper.getOutputStream().close(); // before READY: the JVM is still starting

      assertThat(helper.waitFor(10, TimeUnit.SECONDS)).as("the helper ended within 10 s").isTrue();
      assertThat(MountTable.at(mountpoint)).isEmpty();
    } finally {
      helper.destroyForcibly();
      if (MountTable.at(mountpoint).isPresent()) {
        Unmounter.attempt(mountpoint, true);
      }
    }
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  private static Process startHelper(Path backing, Path mountpoint, long owner) throws IOException {
    FaultFsLaunch launch = FaultFsLaunch.of(backing, mountpoint);
    Process helper = new ProcessBuilder(launch.java().toString(), "-cp", launch.classpath(),
        FaultFsMain.class.getName(), "--backing", backing.toString(), "--mount", mountpoint.toString(),
        "--control-port", "0", "--owner-pid", Long.toString(owner), "--exit-with-stdin")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String ready = new BufferedReader(new InputStreamReader(helper.getInputStream())).readLine();
    assertThat(ready).startsWith(FaultFsMain.READY_PREFIX);
    return helper;
  }

  private static void awaitMounted(Path mountpoint) throws Exception {
    for (int i = 0; i < 500 && MountTable.at(mountpoint).isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(MountTable.at(mountpoint)).isPresent();
  }
}
