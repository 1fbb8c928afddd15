package io.cutcheck.cli.replay;

import io.cutcheck.harness.nemesis.ComposedNemesis;
import io.cutcheck.harness.schedule.ScenarioStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Minimizes a failing schedule, in the order that removes the most run time first:
 * <ol>
 * <li><b>cut</b>: the faults begun before the failure's earliest evidence, in a run that ends a
 *     few seconds after it (what came later cannot have caused it; the candidate is still tried);</li>
 * <li><b>ddmin</b>: delta debugging over the faults (Zeller's ddmin: halves, then complements,
 *     finer and finer);</li>
 * <li><b>weaken</b>: each surviving fault made simpler (a compound {@code a+b} becomes one part,
 *     several targets one, the duration halved);</li>
 * <li><b>shorten</b>: the run phase cut to the last fault's heal plus a margin.</li>
 * </ol>
 * The oracle runs a candidate; only a candidate that still fails replaces the best one, so the
 * result fails by construction. A candidate whose runs all end unknown is neither kept nor
 * counted as passing. The budget is checked before each candidate; the best so far is the result.
 */
public final class Shrinker {

    public enum Verdict { FAILS, PASSES, UNKNOWN }

    /** Runs a candidate (as many tries as it takes) and says whether it still fails. */
    public interface Oracle {
        Verdict test(Candidate candidate, String stage);
    }

    /** Told of every candidate tried, for the progress lines. */
    public interface Progress {
        void tried(String stage, int number, Candidate candidate, Verdict verdict, Candidate best);
    }

    public record Result(Candidate original, Candidate best, int candidatesTried, boolean budgetSpent) {}

    static final long MARGIN_MILLIS = 3000;
    static final long SHORTEST_DURATION_MILLIS = 250;

    private final Oracle oracle;
    private final Progress progress;
    private final LongSupplier nanoTime;
    private final long deadlineNanos;
    private final Map<Candidate, Verdict> tried = new HashMap<>();
    private Candidate best;
    private boolean budgetSpent;

    public Shrinker(Oracle oracle, Progress progress, long budgetNanos, LongSupplier nanoTime) {
        this.oracle = oracle;
        this.progress = progress;
        this.nanoTime = nanoTime;
        this.deadlineNanos = nanoTime.getAsLong() + budgetNanos;
    }

    /**
     * @param failing the failing run's schedule and length
     * @param detectionMillis when its earliest evidence appeared, from the start of the run; -1 if unknown
     */
    public Result shrink(Candidate failing, long detectionMillis) {
        best = failing;
        tried.put(failing, Verdict.FAILS);
        cut(detectionMillis);
        ddmin();
        weaken();
        shorten();
        return new Result(failing, best, tried.size() - 1, budgetSpent);
    }

    private void cut(long detectionMillis) {
        if (detectionMillis < 0) {
            return;
        }
        List<ScenarioStep> before = best.steps().stream().filter(s -> s.atMillis() <= detectionMillis).toList();
        if (before.isEmpty()) {
            return;
        }
        long end = Math.max(detectionMillis, before.get(before.size() - 1).endMillis()) + MARGIN_MILLIS;
        Candidate cut = new Candidate(before, Math.min(best.timeLimitMillis(), roundUpToSecond(end)));
        if (!cut.equals(best)) {
            attempt("cut", cut);
        }
    }

    private void ddmin() {
        int n = 2;
        while (best.size() >= 2 && !budgetSpent) {
            List<List<ScenarioStep>> chunks = split(best.steps(), n);
            if (firstFailing(chunks, false)) {
                n = 2;
            } else if (n > 2 && firstFailing(chunks, true)) {
                n = Math.max(n - 1, 2);
            } else if (n >= best.size()) {
                return;
            } else {
                n = Math.min(best.size(), 2 * n);
            }
        }
    }

    /** Tries each chunk (or each chunk's complement) and keeps the first that fails. */
    private boolean firstFailing(List<List<ScenarioStep>> chunks, boolean complements) {
        for (List<ScenarioStep> chunk : chunks) {
            List<ScenarioStep> steps = complements
                    ? best.steps().stream().filter(s -> !chunk.contains(s)).toList() : chunk;
            if (attempt("ddmin", best.withSteps(steps))) {
                return true;
            }
        }
        return false;
    }

    private void weaken() {
        for (int i = 0; i < best.size() && !budgetSpent; i++) {
            int at = i;
            ScenarioStep compound = best.steps().get(at);
            ComposedNemesis.parts(compound.kind()).stream().skip(ComposedNemesis.parts(compound.kind()).size() > 1 ? 0 : 1)
                    .anyMatch(part -> attempt("weaken", replaced(at, compound.withKind(part))));
            ScenarioStep wide = best.steps().get(at);
            if (wide.targets().size() > 1) {
                wide.targets().stream().anyMatch(t -> attempt("weaken", replaced(at, wide.withTargets(List.of(t)))));
            }
            ScenarioStep step = best.steps().get(at);
            while (step.durationMillis() / 2 >= SHORTEST_DURATION_MILLIS
                    && attempt("weaken", replaced(at, step.withDurationMillis(step.durationMillis() / 2)))) {
                step = best.steps().get(at);
            }
        }
    }

    private void shorten() {
        long end = best.steps().isEmpty() ? 0 : best.steps().get(best.size() - 1).endMillis();
        long shortest = roundUpToSecond(end + MARGIN_MILLIS);
        if (shortest < best.timeLimitMillis() && !attempt("shorten", best.withTimeLimitMillis(shortest))) {
            long between = roundUpToSecond((shortest + best.timeLimitMillis()) / 2);
            if (between < best.timeLimitMillis()) {
                attempt("shorten", best.withTimeLimitMillis(between));
            }
        }
    }

    private Candidate replaced(int index, ScenarioStep step) {
        List<ScenarioStep> steps = new ArrayList<>(best.steps());
        steps.set(index, step);
        return best.withSteps(steps);
    }

    /** Tests a candidate once (a repeat is answered from memory); true when it failed and is now the best. */
    private boolean attempt(String stage, Candidate candidate) {
        if (budgetSpent || nanoTime.getAsLong() >= deadlineNanos) {
            budgetSpent = true;
            return false;
        }
        Verdict verdict = tried.get(candidate);
        if (verdict == null) {
            verdict = oracle.test(candidate, stage);
            tried.put(candidate, verdict);
            if (verdict == Verdict.FAILS) {
                best = candidate;
            }
            progress.tried(stage, tried.size() - 1, candidate, verdict, best);
        }
        return verdict == Verdict.FAILS && best.equals(candidate);
    }

    /** {@code steps} in {@code n} runs of nearly equal length, in order. */
    static List<List<ScenarioStep>> split(List<ScenarioStep> steps, int n) {
        List<List<ScenarioStep>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (steps.size() - start) / (n - i);
            if (end > start) {
                chunks.add(steps.subList(start, end));
            }
            start = end;
        }
        return chunks;
    }

    private static long roundUpToSecond(long millis) {
        return (millis + 999) / 1000 * 1000;
    }
}
