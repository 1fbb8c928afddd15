package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.FaultRecord;
import io.cutcheck.harness.observe.Observations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress: whenever no fault is active — from the run's start, and after each heal that left no
 * fault active — a checkpoint commits within {@code bound}. A quiet stretch at least that long
 * without a commit is INVALID; the last stretch ending before the bound passed, with no commit,
 * is UNKNOWN (the run was not watched long enough). Quiet stretches cut short by the next fault
 * are not judged.
 *
 * <p>It also measures, valid or not (see {@link ProgressStats}): the time to the first commit
 * after each fault's heal, the recovery time (fault start → first {@code restored} → next commit),
 * checkpoint durations (trigger → commit) and the abort rate per fault kind.
 */
public final class ProgressChecker implements Checker {

    public static final String NAME = "progress";
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);

    private final long boundMillis;

    public ProgressChecker() {
        this(DEFAULT_BOUND);
    }

    public ProgressChecker(Duration bound) {
        this.boundMillis = bound.toMillis();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Stage stage() {
        return Stage.LIVENESS;
    }

    @Override
    public CheckResult check(Observations observations) {
        CommitEvidence commits = CommitEvidence.of(observations);
        long[] commitTimes = commits.committed().values().stream().mapToLong(Long::longValue).sorted().toArray();
        RunSpan span = RunSpan.of(observations);
        if (span == null) {
            return CheckResult.unknown(NAME, "nothing was observed: no events, operations or faults");
        }
        List<Anomaly> anomalies = new ArrayList<>();
        boolean unknown = false;
        int judged = 0;
        for (QuietWindow window : QuietWindow.of(observations.faults(), span.start(), span.end())) {
            long deadline = window.from() + boundMillis;
            long first = firstAtOrAfter(commitTimes, window.from());
            boolean inTime = first != Long.MAX_VALUE && first <= Math.min(deadline, window.until());
            if (inTime) {
                judged++;
            } else if (window.until() >= deadline) {
                judged++;
                String after = window.healedFaults().isEmpty() ? "the run started" : "faults " + window.healedFaults() + " healed";
                String seen = first != Long.MAX_VALUE && first <= window.until()
                        ? "; the first came after " + (first - window.from()) + " ms" : "";
                anomalies.add(new Anomaly("no-progress", "No checkpoint committed within " + boundMillis + " ms after "
                        + after + " at " + window.from() + seen + ".", null, null,
                        Map.of("quietFrom", window.from(), "quietUntil", window.until(),
                                "healedFaults", window.healedFaults(), "boundMillis", boundMillis)));
            } else if (window.last()) {
                unknown = true;
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>(ProgressStats.of(observations, commits, commitTimes));
        stats.put("quietWindowsJudged", judged);
        stats.put("boundMillis", boundMillis);
        if (anomalies.isEmpty() && unknown) {
            return new CheckResult(NAME, Validity.UNKNOWN, List.of(Anomaly.of("progress-unobserved",
                    "The run ended less than " + boundMillis + " ms after the last heal, before any checkpoint committed.")),
                    stats);
        }
        return CheckResult.of(NAME, anomalies, stats);
    }

    /** The first time in the sorted array at or after {@code from}, or Long.MAX_VALUE. */
    static long firstAtOrAfter(long[] sorted, long from) {
        int i = Arrays.binarySearch(sorted, from);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i > 0 && sorted[i - 1] == from) {
                i--;
            }
        }
        return i < sorted.length ? sorted[i] : Long.MAX_VALUE;
    }

    /** First and last wall-clock times the run observed anything. */
    record RunSpan(long start, long end) {
        static RunSpan of(Observations o) {
            long start = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            for (var op : o.history()) {
                if (op.wallMillis() > 0) {
                    start = Math.min(start, op.wallMillis());
                    end = Math.max(end, op.wallMillis());
                }
            }
            for (var e : o.events()) {
                start = Math.min(start, e.time());
                end = Math.max(end, Math.max(e.time(), e.receivedAt()));
            }
            for (FaultRecord f : o.faults()) {
                start = Math.min(start, f.startedAt());
                end = Math.max(end, f.healedAt() == null ? f.startedAt() : f.healedAt());
            }
            return start == Long.MAX_VALUE ? null : new RunSpan(start, end);
        }
    }
}
