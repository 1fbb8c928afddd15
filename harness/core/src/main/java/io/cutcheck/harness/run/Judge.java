package io.cutcheck.harness.run;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.harness.store.StoreIntegrity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every checker over the observations and merges their verdicts (INVALID over UNKNOWN over
 * VALID). Results come in the order of the checkers' {@link Checker.Stage}: cause first. A checker that throws is UNKNOWN, not a crash; a run that did not drain is at best
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
        return judge(observations, StoreIntegrity.INTACT, checkers);
    }

    /**
     * As above, for observations read from a store: when the store is damaged, every verdict a
     * checker reached becomes UNKNOWN (what it would have said stays in its stats), since a line
     * it never saw might have confirmed or refuted it; an {@code evidence} result names the damage.
     */
    public static Judgement judge(Observations observations, StoreIntegrity integrity, List<Checker> checkers) {
        Judgement judgement = judgeIntact(observations, checkers);
        if (integrity.intact() && integrity.tolerated().isEmpty()) {
            return judgement;
        }
        List<CheckResult> results = new ArrayList<>(List.of(evidence(integrity)));
        for (CheckResult r : judgement.results()) {
            results.add(integrity.intact() || r.validity() == Validity.UNKNOWN ? r : withheld(r));
        }
        return new Judgement(merge(results), results);
    }

    private static CheckResult withheld(CheckResult r) {
        Map<String, Object> stats = new LinkedHashMap<>(r.stats());
        stats.put("verdictOnDamagedEvidence", r.validity().name().toLowerCase(Locale.ROOT));
        return new CheckResult(r.checker(), Validity.UNKNOWN, r.anomalies(), stats, r.coverage());
    }

    private static CheckResult evidence(StoreIntegrity integrity) {
        Map<String, Object> stats = integrity.tolerated().isEmpty() ? Map.of() : Map.of("tolerated", integrity.tolerated());
        if (integrity.intact()) {
            return CheckResult.valid("evidence", stats);
        }
        List<Anomaly> damage = integrity.damage().stream().map(d -> Anomaly.of("evidence-damaged", d)).toList();
        return new CheckResult("evidence", Validity.UNKNOWN, damage, stats);
    }

    private static Validity merge(List<CheckResult> results) {
        return results.stream().map(CheckResult::validity).reduce(Validity.VALID, Validity::and);
    }

    private static Judgement judgeIntact(Observations observations, List<Checker> checkers) {
        List<CheckResult> results = new ArrayList<>();
        // cause before consequence: what recovery did, then the cuts, then the output (a stable sort)
        for (Checker checker : checkers.stream().sorted(Comparator.comparing(Checker::stage)).toList()) {
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
        return new Judgement(merge(results), results);
    }
}
