package io.cutcheck.workloads.bench;

import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.GenericCheckers;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.workloads.bank.BankWorkload;
import io.cutcheck.workloads.stream.StreamWorkload;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * How fast the checkers judge a run, and how that grows with its size: synthetic correct runs of
 * 100 k … 1 M operations with 1 000 checkpoints, judged by the generic checkers plus the
 * workload's. Prints, per size, the best of a few rounds (after warm-up) overall and per checker.
 * A plain main rather than a JMH harness: each round is seconds long and allocates its own
 * indexes, so per-call JIT noise that JMH exists to tame is not what is measured here.
 *
 * <pre>java -Xmx6g -cp … io.cutcheck.workloads.bench.CheckerBench [stream|bank] [rounds]</pre>
 */
public final class CheckerBench {

    private static final int[] SIZES = {100_000, 200_000, 500_000, 1_000_000};
    private static final int CHECKPOINTS = 1_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "stream";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Checker> checkers = new ArrayList<>(GenericCheckers.all());
        IntFunction<Observations> runs;
        if (workload.equals("bank")) {
            checkers.addAll(new BankWorkload().checkers());
            runs = n -> SyntheticBank.generate(n, CHECKPOINTS, 42);
        } else {
            checkers.addAll(new StreamWorkload().checkers());
            runs = n -> SyntheticStream.generate(n, CHECKPOINTS, 42);
        }
        System.out.printf(Locale.ROOT, "%s: %d checkpoints, best of %d rounds (thread CPU time), %d cores%n", workload, CHECKPOINTS, rounds,
                Runtime.getRuntime().availableProcessors());
        Observations warm = runs.apply(100_000);
        for (int i = 0; i < 5; i++) {
            judge(checkers, warm, false);
        }
        for (int size : SIZES) {
            Observations run = runs.apply(size);
            long[] best = null;
            for (int r = 0; r < rounds; r++) {
                long[] times = judge(checkers, run, r == 0);
                if (best == null || times[times.length - 2] < best[best.length - 2]) {
                    best = times;
                }
            }
            long total = best[best.length - 2];
            StringBuilder per = new StringBuilder();
            for (int c = 0; c < checkers.size(); c++) {
                per.append(String.format(Locale.ROOT, " %s=%.0fms", checkers.get(c).name(), best[c] / 1e6));
            }
            System.out.printf(Locale.ROOT, "%,9d ops: %6.0f ms cpu (%6.0f ms wall)  %,11.0f ops/s  %5.0f ns/op |%s%n", size,
                    total / 1e6, best[best.length - 1] / 1e6, size / (total / 1e9), (double) total / size, per);
        }
    }

    /**
     * CPU nanoseconds of this thread per checker, then in all, then wall nanoseconds in all;
     * checks the synthetic run is judged valid. CPU time, because the machine is shared and wall
     * time mostly measures the neighbours.
     */
    private static long[] judge(List<Checker> checkers, Observations given, boolean verify) {
        // a fresh input map each round: the checkers read a run's input once and share it, and a
        // round must pay for that reading as a real run does
        Observations run = new Observations(given.workload(), given.workloadOptions(), given.history(), given.events(),
                given.faults(), given.checkpoints(), given.contents(), new java.util.HashMap<>(given.input()),
                given.output(), given.collected(), given.finalState(), given.drained());
        long[] times = new long[checkers.size() + 2];
        long start = CPU.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int c = 0; c < checkers.size(); c++) {
            long t = CPU.getCurrentThreadCpuTime();
            CheckResult result = checkers.get(c).check(run);
            times[c] = CPU.getCurrentThreadCpuTime() - t;
            if (verify && result.validity() != io.cutcheck.harness.checker.Validity.VALID) {
                throw new IllegalStateException("synthetic run judged " + result.validity() + ": " + result.anomalies());
            }
        }
        times[checkers.size()] = CPU.getCurrentThreadCpuTime() - start;
        times[checkers.size() + 1] = System.nanoTime() - wall;
        return times;
    }
}
