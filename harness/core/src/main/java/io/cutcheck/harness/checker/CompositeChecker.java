package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.Observations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs several checkers over the same observations and merges their verdicts, keeping the worst:
 * INVALID over UNKNOWN over VALID. Anomalies are concatenated in checker order; the stats hold
 * each checker's own result under its name, so a report can show them apart. A checker that
 * throws breaks the checker contract; its result becomes UNKNOWN with the error, and the others
 * still run. Two checkers with the same name are refused: their results would be ambiguous.
 */
public final class CompositeChecker implements Checker {

    private final String name;
    private final List<Checker> checkers;

    public CompositeChecker(String name, List<Checker> checkers) {
        Set<String> names = new HashSet<>();
        for (Checker checker : checkers) {
            if (!names.add(checker.name())) {
                throw new IllegalArgumentException("two checkers named " + checker.name() + " in " + name);
            }
        }
        this.name = name;
        this.checkers = List.copyOf(checkers);
    }

    @Override
    public String name() {
        return name;
    }

    public List<Checker> checkers() {
        return checkers;
    }

    @Override
    public CheckResult check(Observations observations) {
        Validity validity = Validity.VALID;
        List<Anomaly> anomalies = new ArrayList<>();
        Map<String, Object> results = new LinkedHashMap<>();
        for (Checker checker : checkers) {
            CheckResult result = run(checker, observations);
            validity = validity.and(result.validity());
            anomalies.addAll(result.anomalies());
            results.put(checker.name(), result);
        }
        return new CheckResult(name, validity, anomalies, results);
    }

    private static CheckResult run(Checker checker, Observations observations) {
        try {
            CheckResult result = checker.check(observations);
            return result != null ? result : CheckResult.unknown(checker.name(), "the checker gave no result");
        } catch (RuntimeException | StackOverflowError e) {
            return CheckResult.unknown(checker.name(), "the checker failed: " + e);
        }
    }
}
