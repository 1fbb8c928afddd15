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
 * The self-check through the real command line: every barrier and marker defect is caught on 2
 * seeds of 10 s runs ({@code -Dcutcheck.selfcheck.seeds=3} for the README's matrix), and each correct system is valid on the same seeds under every process
 * fault (kills, pauses, aimed kills) and under the compound faults the defect rows aim with
 * ({@code slow-disk+kill-after-ack}, {@code disk-errors+kill-after-commit}). Two waves: first the two
 * systems' process-fault matrices side by side, then the storage defects alone, since their aimed
 * disk faults need a checkpoint to commit and be aimed at, which two cores shared with two other
 * matrices sometimes delayed past every fault (2 of 3 in one CI run). About 38 runs of 15 to 40 s
 * each: the longest test of the suite. The full matrix is {@code cutcheck self-check}.
 */
class SelfCheckIT {

    static final int SEEDS = Integer.getInteger("cutcheck.selfcheck.seeds", 2);

    static final String BARRIER_ROWS = "barrier/(commit-before-all-acks|no-barrier-alignment|metadata-before-parts-durable"
            + "|restore-pending-checkpoint|sink-commit-before-complete"
            + "|correct:kill,kill-after-ack,kill-after-commit,kill-mid-checkpoint,pause|correct:[^+]*\\+.*)";
    static final String MARKER_ROWS = "marker/(no-channel-state|record-after-forward|manifest-before-parts-durable"
            + "|restore-mixed-snapshots|correct:kill,kill-after-ack,kill-after-commit,kill-mid-checkpoint,pause|correct:[^+]*\\+.*)";
    static final String STORAGE_ROWS = "(barrier|marker)/(rename-without-fsync|ignore-fsync-error|manifest-without-dir-fsync)";

    /** One self-check process: its rows, and how many rows its matrix must show caught on every seed. */
    record Matrix(String name, String rows, int expectedRows) {}

    /** Waves run one after the other; the matrices of a wave side by side. */
    static final List<List<Matrix>> WAVES = List.of(
            List.of(new Matrix("barrier", BARRIER_ROWS, 7), new Matrix("marker", MARKER_ROWS, 6)),
            List.of(new Matrix("storage", STORAGE_ROWS, 6)));

    @TempDir
    Path dir;

    final Set<Long> pids = new LinkedHashSet<>();

    @AfterEach
    void killAnyLeftover() {
        Cli.alive(List.copyOf(pids)).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void everyDefectIsCaughtOnEverySeedAndTheCorrectSystemsAreValid() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(40);
        List<String> failures = new ArrayList<>();
        for (List<Matrix> wave : WAVES) {
            runWave(wave, deadline, failures);
        }
        assertThat(failures).isEmpty();
        assertThat(Cli.alive(List.copyOf(pids))).as("processes left behind").isEmpty();
    }

    private void runWave(List<Matrix> wave, long deadline, List<String> failures) throws Exception {
        List<Cli> clis = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        for (Matrix m : wave) {
            Cli cli = new Cli(dir.resolve("run-" + m.name()));
            clis.add(cli);
            processes.add(cli.start(dir.resolve("out-" + m.name()), args(m.rows(), m.name())));
        }
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
        for (int i = 0; i < wave.size(); i++) {
            Matrix m = wave.get(i);
            checkMatrix(dir.resolve("out-" + m.name()), processes.get(i).exitValue(), m.expectedRows(), failures);
        }
    }

    private String[] args(String rows, String store) {
        return new String[] {"self-check", "--seeds", Integer.toString(SEEDS), "--time-limit", "10", "--only", rows,
                "--store", dir.resolve("store-" + store).toString()};
    }

    /** Every row caught (or valid) on every seed, the passed verdict, exit 0; else what went wrong, with the output. */
    private static void checkMatrix(Path out, int exitCode, int rows, List<String> failures) throws Exception {
        String stdout = Files.readString(out.resolve("stdout.txt"));
        String everySeed = "^(barrier|marker)\\S* +\\S+ @\\S+ +" + SEEDS + "/" + SEEDS + "\\b.*";
        long full = stdout.lines().filter(l -> l.matches(everySeed)).count();
        if (exitCode != 0 || full != rows || !stdout.contains("self-check: passed")) {
            failures.add("exit " + exitCode + ", " + full + " of " + rows + " rows all seeds:\n" + stdout + "\n"
                    + Files.readString(out.resolve("stderr.txt")));
        }
    }
}
