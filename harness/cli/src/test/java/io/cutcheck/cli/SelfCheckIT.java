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
 * The self-check through the real command line: every barrier and marker defect that needs no
 * disk faults of its own (the ack-to-durable window is widened with a slow disk) is caught on 3
 * seeds of 10 s runs, and each correct system is valid on the same seeds under every process
 * fault (kills, pauses, aimed kills) and under the compound faults the defect rows aim with
 * ({@code slow-disk+kill-after-ack}, {@code disk-errors+kill-after-ack}). The two systems'
 * matrices run side by side: 39 runs of 15 to 80 s each, so the test takes about ten minutes,
 * the longest of the suite. The full matrix is {@code cutcheck self-check}.
 */
class SelfCheckIT {

    // The storage defects are left to the command and to DiskFaultsIT (one seed each): on a quiet
    // machine the full self-check catches them on every seed, but with the suite's other matrices
    // beside them on two cores their aimed faults miss now and then (rename-without-fsync on the
    // barrier and ignore-fsync-error on the marker each 2 of 3 in one CI run: few checkpoints commit
    // before the power loss, or no checkpoint can be triggered to aim at).
    static final String BARRIER_ROWS = "barrier/(commit-before-all-acks|no-barrier-alignment|metadata-before-parts-durable"
            + "|restore-pending-checkpoint|sink-commit-before-complete"
            + "|correct:kill,kill-after-ack,kill-mid-checkpoint,pause|correct:[^+]*\\+.*)";
    static final String MARKER_ROWS = "marker/(no-channel-state|record-after-forward|manifest-before-parts-durable"
            + "|restore-mixed-snapshots|correct:kill,kill-after-ack,kill-mid-checkpoint,pause|correct:[^+]*\\+.*)";

    /** One self-check process: its rows, and how many rows its matrix must show 3/3. */
    record Matrix(String name, String rows, int expectedRows) {}

    static final List<Matrix> MATRICES = List.of(new Matrix("barrier", BARRIER_ROWS, 7),
            new Matrix("marker", MARKER_ROWS, 6));

    @TempDir
    Path dir;

    final Set<Long> pids = new LinkedHashSet<>();

    @AfterEach
    void killAnyLeftover() {
        Cli.alive(List.copyOf(pids)).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void everyDefectIsCaughtOnEverySeedAndTheCorrectSystemsAreValid() throws Exception {
        List<Cli> clis = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        for (Matrix m : MATRICES) {
            Cli cli = new Cli(dir.resolve("run-" + m.name()));
            clis.add(cli);
            processes.add(cli.start(dir.resolve("out-" + m.name()), args(m.rows(), m.name())));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        try {
            while (processes.stream().anyMatch(Process::isAlive) && System.nanoTime() < deadline) {
                for (Cli cli : clis) {
                    pids.addAll(cli.recordedPids());
                }
                Thread.sleep(200);
            }
        } finally {
            for (Process p : processes) {
                if (p.isAlive()) {
                    p.destroy();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < MATRICES.size(); i++) {
            Matrix m = MATRICES.get(i);
            checkMatrix(dir.resolve("out-" + m.name()), processes.get(i).exitValue(), m.expectedRows(), failures);
        }
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
