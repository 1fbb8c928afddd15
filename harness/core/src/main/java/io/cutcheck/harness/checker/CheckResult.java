package io.cutcheck.harness.checker;

import java.util.List;
import java.util.Map;

/**
 * What one checker found: its verdict, the anomalies behind an INVALID (or UNKNOWN) verdict,
 * measurements worth reporting even when valid, and, for a checker that judges checkpoint
 * contents or restores, how much of that evidence it judged.
 *
 * @param coverage how much of its evidence the checker judged, or null for a checker that does
 *     not count what it judges item by item
 */
public record CheckResult(String checker, Validity validity, List<Anomaly> anomalies, Map<String, Object> stats,
                          Coverage coverage) {
    public CheckResult {
        anomalies = List.copyOf(anomalies);
        stats = Map.copyOf(stats);
    }

    /** A result that reports no coverage. */
    public CheckResult(String checker, Validity validity, List<Anomaly> anomalies, Map<String, Object> stats) {
        this(checker, validity, anomalies, stats, null);
    }

    public static CheckResult valid(String checker, Map<String, Object> stats) {
        return new CheckResult(checker, Validity.VALID, List.of(), stats);
    }

    public static CheckResult unknown(String checker, String why) {
        return new CheckResult(checker, Validity.UNKNOWN, List.of(Anomaly.of("unknown", why)), Map.of());
    }

    /** INVALID when any anomaly was found, VALID otherwise. */
    public static CheckResult of(String checker, List<Anomaly> anomalies, Map<String, Object> stats) {
        return new CheckResult(checker, anomalies.isEmpty() ? Validity.VALID : Validity.INVALID, anomalies, stats);
    }

    /**
     * INVALID when any anomaly was found (what was judged and found wrong stays wrong, however
     * little was judged); otherwise UNKNOWN below the {@linkplain Coverage floor} with the
     * coverage as its reason, else VALID. The coverage is kept either way.
     */
    public static CheckResult judged(String checker, List<Anomaly> anomalies, Map<String, Object> stats,
                                     Coverage coverage) {
        if (!anomalies.isEmpty()) {
            return new CheckResult(checker, Validity.INVALID, anomalies, stats, coverage);
        }
        if (coverage.belowFloor()) {
            return new CheckResult(checker, Validity.UNKNOWN, List.of(Anomaly.of("too-little-judged",
                    "Nothing could be judged: " + coverage.describe() + ".")), stats, coverage);
        }
        return new CheckResult(checker, Validity.VALID, anomalies, stats, coverage);
    }

    /** The verdict as a word, with the coverage when it is partial: {@code valid (judged 3 of 46 …)}. */
    public String verdictLine() {
        String word = validity.name().toLowerCase(java.util.Locale.ROOT);
        return coverage == null || coverage.complete() ? word : word + " (" + coverage.describe() + ")";
    }
}
