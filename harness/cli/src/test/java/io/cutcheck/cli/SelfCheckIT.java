package io.cutcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-check through the real command line: every defect of both reference systems (the
 * storage ones on FUSE fault disks included) is caught on 3 seeds of 10 s runs, and each correct
 * system is valid on the same seeds under every process fault (kills, pauses, aimed kills) and
 * under the compound faults the defect rows aim with ({@code slow-disk+kill-after-ack},
 * {@code disk-errors+kill-after-ack}). The two systems'
 * matrices run side by side (the nodes mostly wait on the workload's rate): about 50 runs of
 * 15 to 25 s each, so the test takes about ten minutes, the longest of the suite. The full matrix,
 * every nemesis family on the correct systems included, is {@code cutcheck self-check}.
 */
class SelfCheckIT {

    static final String STORAGE = "|rename-without-fsync|ignore-fsync-error|manifest-without-dir-fsync";
    static final String BARRIER_ROWS = "barrier/(commit-before-all-acks|no-barrier-alignment|metadata-before-parts-durable"
            + "|restore-pending-checkpoint|sink-commit-before-complete" + STORAGE
            + "|correct:kill,kill-after-ack,kill-mid-checkpoint,pause|correct:[^+]*\\+.*)";
    static final String MARKER_ROWS = "marker/(no-channel-state|record-after-forward|manifest-before-parts-durable"
            + "|restore-mixed-snapshots" + STORAGE
            + "|correct:kill,kill-after-ack,kill-mid-checkpoint,pause|correct:[^+]*\\+.*)";

    @TempDir
    Path dir;

    final Set<Long> pids = new LinkedHashSet<>();

    @AfterEach
    void killAnyLeftover() {
        Cli.alive(List.copyOf(pids)).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void everyDefectIsCaughtOnEverySeedAndTheCorrectSystemsAreValid() throws Exception {
        Cli barrierCli = new Cli(dir.resolve("run-barrier"));
        Cli markerCli = new Cli(dir.resolve("run-marker"));
        Process barrier = barrierCli.start(dir.resolve("out-barrier"), args(BARRIER_ROWS, "barrier"));
        Process marker = markerCli.start(dir.resolve("out-marker"), args(MARKER_ROWS, "marker"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        try {
            while ((barrier.isAlive() || marker.isAlive()) && System.nanoTime() < deadline) {
                pids.addAll(barrierCli.recordedPids());
                pids.addAll(markerCli.recordedPids());
                Thread.sleep(200);
            }
        } finally {
            for (Process p : List.of(barrier, marker)) {
                if (p.isAlive()) {
                    p.destroy();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        List<String> failures = new ArrayList<>();
        checkMatrix(dir.resolve("out-barrier"), barrier.exitValue(), 10, failures);
        checkMatrix(dir.resolve("out-marker"), marker.exitValue(), 9, failures);
        assertThat(failures).isEmpty();
        assertThat(Cli.alive(List.copyOf(pids))).as("processes left behind").isEmpty();
    }

    private String[] args(String rows, String store) {
        return new String[] {"self-check", "--seeds", "3", "--time-limit", "10", "--only", rows,
                "--store", dir.resolve("store-" + store).toString()};
    }

    /** Every row 3/3, the passed verdict, exit 0; else what went wrong, with the output. */
    private static void checkMatrix(Path out, int exitCode, int rows, List<String> failures) throws Exception {
        String stdout = Files.readString(out.resolve("stdout.txt"));
        long full = stdout.lines().filter(l -> l.matches("^(barrier|marker)\\S* +\\S+ @\\S+ +3/3\\b.*")).count();
        if (exitCode != 0 || full != rows || !stdout.contains("self-check: passed")) {
            failures.add("exit " + exitCode + ", " + full + " of " + rows + " rows 3/3:\n" + stdout + "\n"
                    + Files.readString(out.resolve("stderr.txt")));
        }
    }
}
