package io.cutcheck.nemesis.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActiveFaultsTest {

  @Test
  void delayAppliesOnlyToMatchingOperationAndPath() throws Exception {
    ActiveFaults faults = new ActiveFaults();
    faults.set(List.of(DiskFault.delay(DiskOp.FSYNC, 200).onPaths("^/ckpt/")), 0);

    long slow = timeMs(() -> faults.apply(DiskOp.FSYNC, "/ckpt/part-1"));
    long otherPath = timeMs(() -> faults.apply(DiskOp.FSYNC, "/log/1"));
    long otherOp = timeMs(() -> faults.apply(DiskOp.WRITE, "/ckpt/part-1"));

    assertThat(slow).isGreaterThanOrEqualTo(200);
    assertThat(otherPath).isLessThan(100);
    assertThat(otherOp).isLessThan(100);
  }

  @Test
  void probabilisticErrorsFollowTheSeed() throws Exception {
    assertThat(draws(11)).isEqualTo(draws(11));
    assertThat(draws(11)).contains(true, false);
  }

  @Test
  void certainErrorAlwaysFiresAndClearingStopsIt() throws Exception {
    ActiveFaults faults = new ActiveFaults();
    faults.set(List.of(DiskFault.error(DiskOp.RENAME, Errno.EIO, 1)), 0);
    assertThat(faults.apply(DiskOp.RENAME, "/a")).map(DiskFault::error).contains(Errno.EIO);
    faults.set(List.of(), 0);
    assertThat(faults.apply(DiskOp.RENAME, "/a")).isEmpty();
  }

  @Test
  void badRulesAreRefused() {
    assertThatThrownBy(() -> DiskFault.error(DiskOp.WRITE, Errno.EIO, 1.5)).hasMessageContaining("probability");
    assertThatThrownBy(() -> DiskFault.delay(DiskOp.WRITE, 5).onPaths("(")).hasMessageContaining("pathRegex");
    assertThatThrownBy(() -> new DiskFault(DiskOp.WRITE, "", 0, null, 1, false)).hasMessageContaining("delay or an error");
  }

  private static List<Boolean> draws(long seed) throws Exception {
    ActiveFaults faults = new ActiveFaults();
    faults.set(List.of(DiskFault.error(DiskOp.WRITE, Errno.EIO, 0.5)), seed);
    List<Boolean> fired = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      fired.add(faults.apply(DiskOp.WRITE, "/f").isPresent());
    }
    return fired;
  }

  private interface Action {
    Optional<DiskFault> run() throws Exception;
  }

  private static long timeMs(Action action) throws Exception {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
