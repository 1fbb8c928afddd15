package io.cutcheck.harness.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverReaperIT {

    @TempDir
    Path dir;

    /** A pid no live process has: the highest possible pid plus one is never used. */
    static final long DEAD_HARNESS = 4_194_305L;

    static String line(Process p, String marker) {
        long start = p.toHandle().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return p.pid() + "\t" + start + "\t" + marker + "\n";
    }

    @Test
    void killsWhatADeadHarnessLeftAndSparesTheRest() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "301").start();
        Process innocent = new ProcessBuilder("sleep", "302").start();
        Process liveHarnessChild = new ProcessBuilder("sleep", "303").start();
        try {
            Files.writeString(dir.resolve(DEAD_HARNESS + ".pids"),
                    line(leftover, "sleep 301") + line(innocent, "not-its-command-line"));
            long self = ProcessHandle.current().pid();
            Files.writeString(dir.resolve(self + ".pids"), line(liveHarnessChild, "sleep 303"));

            List<Long> killed = LeftoverReaper.reap(dir);

            assertThat(killed).containsExactly(leftover.pid());
            assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(innocent.isAlive()).isTrue();
            assertThat(liveHarnessChild.isAlive()).isTrue();
            assertThat(dir.resolve(DEAD_HARNESS + ".pids")).doesNotExist();
            assertThat(dir.resolve(self + ".pids")).exists();
        } finally {
            leftover.destroyForcibly();
            innocent.destroyForcibly();
            liveHarnessChild.destroyForcibly();
        }
    }
}
