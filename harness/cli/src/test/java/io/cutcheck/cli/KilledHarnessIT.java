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
 * A harness killed with -9 mid-run cannot clean up, so its watchdog does: its nodes and services
 * are gone within seconds, without waiting for another run. The next harness still starts
 * cleanly, and the killed run's store is analyzed as what it is: partial, so unknown.
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
    void itsWatchdogKillsTheLeftoversAtOnceAndThePartialStoreIsJudgedUnknown() throws Exception {
        Cli cli = new Cli(dir.resolve("run"));
        Path firstStore = dir.resolve("first");
        Process first = cli.start(dir.resolve("out-first"), "test", "--system", SYSTEM, "--nemesis", "kill,pause",
                "--time-limit", "120", "--seed", "3", "--store", firstStore.toString());
        try {
            awaitRunPhase(firstStore.resolve("latest/history.jsonl"), first);
            Thread.sleep(3000);
            // read before the kill: the watchdog deletes the run file once it has cleaned up
            firstPids = cli.recordedPids();
        } finally {
            first.toHandle().destroyForcibly();
            first.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(firstPids).as("processes the harness started").hasSizeGreaterThanOrEqualTo(6);
        Path killedRun = firstStore.resolve("latest").toRealPath();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Cli.alive(firstPids).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Cli.alive(firstPids)).as("alive 10 s after the harness was killed, with no other run").isEmpty();

        Cli.Result second = cli.run(dir.resolve("out-second"), 180, "test", "--system", SYSTEM, "--nemesis", "none",
                "--time-limit", "2", "--seed", "4", "--store", dir.resolve("second").toString());
        assertThat(second.out()).contains("verdict: valid");

        // input and output were never collected: nothing in the store can say valid or invalid
        Cli.Result analyzed = cli.run(dir.resolve("out-analyze"), 60, "analyze", killedRun.toString());
        assertThat(analyzed.out()).as(analyzed.err()).contains("verdict: unknown", "store: " + killedRun);
        assertThat(analyzed.exitCode()).isEqualTo(2);
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
