package io.cutcheck.harness.checker;

import java.util.List;
import java.util.Map;

/**
 * One violation, explained with the smallest evidence.
 *
 * @param type short kebab-case name, e.g. {@code restore-from-uncommitted}, {@code lost-record}
 * @param explanation one or two sentences a person understands without the source code
 * @param checkpoint the checkpoint involved, or null
 * @param node the node involved, or null
 * @param evidence the keys, offsets, transfers, history indexes or event seqs involved
 */
public record Anomaly(String type, String explanation, Long checkpoint, String node, Map<String, Object> evidence) {
    public Anomaly {
        evidence = Map.copyOf(evidence);
    }

    public static Anomaly of(String type, String explanation) {
        return new Anomaly(type, explanation, null, null, Map.of());
    }

    /** Convenience for evidence lists, which are common. */
    public static Map<String, Object> evidence(String key, List<?> values) {
        return Map.of(key, List.copyOf(values));
    }
}
