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
                        Map.of("total", count)));
            }
        });
        return all;
    }
}
