package io.cutcheck.harness.run;

import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed result of a run: everything its report files say about it. The run loop returns it
 * and writes no report itself: {@code results.json} is serialized from it once, by the reports
 * module ({@code RunFiles}, {@code ResultsJson}), which computes the figures (restore episodes,
 * latency statistics) the run loop has no need of. A run cut short is UNKNOWN unless what it saw
 * already proves INVALID.
 *
 * @param verdict the run's verdict
 * @param storeDir the run's store directory, or null when the run ended before it had one
 * @param error why the run was cut short, or null
 * @param observations what was judged, so reports need neither read the store again nor judge
 *     twice; null when the run ended before it had a store
 * @param checks each checker's result, in the order they ran; null with {@code observations}
 * @param phases phase label ({@link Phase#label}) → wall time, in phase order, for the phases that
 *     ran; empty for a store judged again
 * @param drain how the drain ended
 * @param analyzed whether this is a saved store judged again ({@code cutcheck analyze}), not a run
 */
public record RunOutcome(Validity verdict, Path storeDir, String error, Observations observations,
                         List<CheckResult> checks, Map<String, Duration> phases, DrainOutcome drain,
                         boolean analyzed) {

    public RunOutcome {
        checks = checks == null ? null : List.copyOf(checks);
        phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }

    /** A run that ended before it had a store: nothing was observed, nothing judged. */
    public static RunOutcome withoutStore(String error, Map<String, Duration> phases) {
        return new RunOutcome(Validity.UNKNOWN, null, error, null, null, phases, DrainOutcome.fromStore(false), false);
    }

    /** A saved store judged again: no phases were timed, and the drain is known only from the store. */
    public static RunOutcome analyzed(Path storeDir, Observations observations, Judge.Judgement judgement) {
        return new RunOutcome(judgement.verdict(), storeDir, null, observations, judgement.results(), Map.of(),
                DrainOutcome.fromStore(observations.drained()), true);
    }

    public int exitCode() {
        return error != null && verdict != Validity.INVALID ? 2 : verdict.exitCode();
    }
}
