package io.cutcheck.harness.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers a checker's anomalies, keeping the first few of each type as evidence and counting the
 * rest, so that a run with a million broken records still gives a report a person can read.
 * What is kept does not depend on timing: checkers add anomalies in a deterministic order.
 */
public final class AnomalyCollector {

    /** The evidence key of a summary anomaly: how many anomalies of its type there were in all. */
    public static final String TOTAL = "total";

    /** The evidence key that marks a summary anomaly: how many anomalies of its type it stands for. */
    public static final String SUMMARIZED = "summarized";

    /** Examples kept per anomaly type unless told otherwise. */
    public static final int DEFAULT_EXAMPLES = 20;

    private final int examplesPerType;
    private final List<Anomaly> kept = new ArrayList<>();
    private final Map<String, Long> countByType = new LinkedHashMap<>();

    public AnomalyCollector() {
        this(DEFAULT_EXAMPLES);
    }

    public AnomalyCollector(int examplesPerType) {
        this.examplesPerType = examplesPerType;
    }

    public void add(Anomaly anomaly) {
        long seen = countByType.merge(anomaly.type(), 1L, Long::sum);
        if (seen <= examplesPerType) {
            kept.add(anomaly);
        }
    }

    public boolean isEmpty() {
        return countByType.isEmpty();
    }

    /** Total anomalies of each type, including those not kept. */
    public Map<String, Long> counts() {
        return Map.copyOf(countByType);
    }

    /** The kept anomalies, then one summary per type that had more than were kept. */
    public List<Anomaly> anomalies() {
        List<Anomaly> all = new ArrayList<>(kept);
        countByType.forEach((type, count) -> {
            if (count > examplesPerType) {
                all.add(new Anomaly(type, (count - examplesPerType) + " more " + type
                        + " anomalies like the ones above (" + count + " in all).", null, null,
                        Map.of(TOTAL, count, SUMMARIZED, count - examplesPerType)));
            }
        });
        return all;
    }

    /** Whether {@code anomaly} is the summary of anomalies left out, rather than one of them. */
    public static boolean isSummary(Anomaly anomaly) {
        return anomaly.evidence().get(SUMMARIZED) instanceof Number;
    }

    /** How many anomalies {@code anomaly} stands for: the ones a summary left out, else 1. */
    public static long weight(Anomaly anomaly) {
        return isSummary(anomaly) ? ((Number) anomaly.evidence().get(SUMMARIZED)).longValue() : 1;
    }
}
