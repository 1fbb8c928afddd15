package io.cutcheck.harness.checker;

import java.util.List;
import java.util.Map;

/**
 * What one checker found: its verdict, the anomalies behind an INVALID (or UNKNOWN) verdict,
 * and measurements worth reporting even when valid.
 */
public record CheckResult(String checker, Validity validity, List<Anomaly> anomalies, Map<String, Object> stats) {
    public CheckResult {
        anomalies = List.copyOf(anomalies);
        stats = Map.copyOf(stats);
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
}
