package io.cutcheck.cli.replay;

import io.cutcheck.harness.checker.Anomaly;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one run of a saved or shrunk scenario showed: its verdict, which checkers found it invalid
 * and the anomaly types they named, and where its store is.
 *
 * @param invalidCheckers the checkers whose verdict was invalid
 * @param anomalyTypes how many anomalies of each type the invalid checkers reported
 * @param storeDir the run's store directory, or null when it ended before it had one
 * @param error what cut the run short, or null
 * @param faultCheckpoints fault id → the newest checkpoint begun when it began, for the faults
 *     whose record says so
 */
public record TryResult(Validity verdict, Set<String> invalidCheckers, Map<String, Integer> anomalyTypes,
                        Path storeDir, String error, Map<Integer, Long> faultCheckpoints) {
    public TryResult {
        invalidCheckers = Set.copyOf(new TreeSet<>(invalidCheckers));
        anomalyTypes = java.util.Collections.unmodifiableMap(new TreeMap<>(anomalyTypes));
        faultCheckpoints = Map.copyOf(faultCheckpoints);
    }

    public static TryResult of(Validity verdict, List<CheckResult> checks, Observations observations, Path storeDir,
                               String error) {
        Map<Integer, Long> checkpoints = new TreeMap<>();
        if (observations != null) {
            observations.faults().stream().filter(f -> f.checkpoint() != null)
                    .forEach(f -> checkpoints.put(f.id(), f.checkpoint()));
        }
        List<CheckResult> invalid = checks == null ? List.of()
                : checks.stream().filter(c -> c.validity() == Validity.INVALID).toList();
        Map<String, Integer> types = new TreeMap<>();
        invalid.stream().flatMap(c -> c.anomalies().stream()).map(Anomaly::type)
                .forEach(type -> types.merge(type, 1, Integer::sum));
        return new TryResult(verdict, invalid.stream().map(CheckResult::checker).collect(Collectors.toSet()), types,
                storeDir, error, checkpoints);
    }

    /**
     * {@code 8 of 9 faults began at the saved checkpoint}: how many of the saved run's faults this
     * try began while the same checkpoint was the newest; empty when the saved run recorded none.
     */
    public String checkpointsMatched(TryResult saved) {
        if (saved.faultCheckpoints.isEmpty()) {
            return "";
        }
        long same = saved.faultCheckpoints.entrySet().stream()
                .filter(e -> e.getValue().equals(faultCheckpoints.get(e.getKey()))).count();
        return same + " of " + saved.faultCheckpoints.size() + " faults began at the saved checkpoint";
    }

    /**
     * Whether this try failed the way {@code original} did: invalid, found so by at least one of
     * the checkers that found the original invalid. An unknown try is neither a pass nor a fail.
     */
    public boolean reproduces(TryResult original) {
        return verdict == Validity.INVALID && invalidCheckers.stream().anyMatch(original.invalidCheckers::contains);
    }

    /** {@code invalid (lost-transaction x2, duplicated-transaction)}, or {@code valid}, {@code unknown: why}. */
    public String describe() {
        return switch (verdict) {
            case VALID -> "valid";
            case INVALID -> "invalid (" + anomalyTypes.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                    .collect(Collectors.joining(", ")) + ")";
            case UNKNOWN -> "unknown" + (error != null ? ": " + error : "");
        };
    }
}
