package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harness killed with -9 mid-run cannot clean up: its nodes and services live on. The next
 * harness started with the same run directory kills them before it starts anything, and the
 * killed run's store can still be analyzed.
 */
class KilledHarnessIT {

    @TempDir
    Path dir;

    List<Long> firstPids = List.of();

    @AfterEach
    void killAnyLeftover() {
        Cli.alive(firstPids).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void theNextRunKillsTheLeftoversAndTheStoreStaysAnalyzable() throws Exception {
        Cli cli = new Cli(dir.resolve("run"));
        Path firstStore = dir.resolve("first");
        Process first = cli.start(dir.resolve("out-first"), "test", "--system", SYSTEM, "--nemesis", "kill,pause",
                "--time-limit", "120", "--seed", "3", "--store", firstStore.toString());
        try {
            awaitRunPhase(firstStore.resolve("latest/history.jsonl"), first);
            Thread.sleep(3000);
        } finally {
            first.toHandle().destroyForcibly();
            first.waitFor(10, TimeUnit.SECONDS);
        }
        firstPids = cli.recordedPids();
        Path killedRun = firstStore.resolve("latest").toRealPath();
        assertThat(Cli.alive(firstPids)).as("the killed harness's processes live on").isNotEmpty();

        Cli.Result second = cli.run(dir.resolve("out-second"), 180, "test", "--system", SYSTEM, "--nemesis", "none",
                "--time-limit", "2", "--seed", "4", "--store", dir.resolve("second").toString());
        assertThat(second.out()).contains("verdict:");
        assertThat(Cli.alive(firstPids)).as("left over from the killed harness").isEmpty();

        Cli.Result analyzed = cli.run(dir.resolve("out-analyze"), 60, "analyze", killedRun.toString());
        assertThat(analyzed.exitCode()).as(analyzed.err()).isIn(0, 1, 2);
        assertThat(analyzed.out()).contains("verdict:", "store: " + killedRun);
        assertThat(analyzed.err()).doesNotContain("Exception");
        assertThat(killedRun.resolve("results.json")).isNotEmptyFile();
    }

    private static void awaitRunPhase(Path history, Process harness) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.isRegularFile(history) && Files.size(history) > 0) {
                return;
            }
            if (!harness.isAlive()) {
                throw new AssertionError("the harness exited before the run phase");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run phase did not begin within 60 s");
    }

    static final String SYSTEM = "barrier";
}
