package io.cutcheck.harness.run;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every checker over the observations and merges their verdicts (INVALID over UNKNOWN over
 * VALID). A checker that throws is UNKNOWN, not a crash; a run that did not drain is at best
 * UNKNOWN, since its output cannot be complete; no checker at all is UNKNOWN.
 */
public final class Judge {

    public record Judgement(Validity verdict, List<CheckResult> results) {
        public Judgement {
            results = List.copyOf(results);
        }
    }

    private Judge() {}

    public static Judgement judge(Observations observations, List<Checker> checkers) {
        List<CheckResult> results = new ArrayList<>();
        for (Checker checker : checkers) {
            try {
                results.add(checker.check(observations));
            } catch (RuntimeException e) {
                results.add(CheckResult.unknown(checker.name(), "the checker failed: " + e));
            }
        }
        if (!observations.drained()) {
            results.add(new CheckResult("drain", Validity.UNKNOWN, List.of(Anomaly.of("not-drained",
                    "the system did not process all input and commit a final checkpoint before the drain timeout")),
                    Map.of()));
        }
        if (checkers.isEmpty()) {
            results.add(CheckResult.unknown("none", "no checkers were configured"));
        }
        Validity verdict = results.stream().map(CheckResult::validity).reduce(Validity.VALID, Validity::and);
        return new Judgement(verdict, results);
    }
}
