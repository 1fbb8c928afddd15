package io.cutcheck.harness.schedule;

import java.util.Arrays;
import java.util.Locale;

/** Which nodes a fault hits, as the CLI spells it; the exact nodes are chosen by the seed. */
public enum FaultTarget {
    /** One node, any role. */
    ONE,
    /** The node that commits checkpoints: the one with role coordinator, or the snapshot initiator. */
    COORDINATOR,
    /**
     * One node other than the committing one: a crash there takes away a part, not the metadata,
     * so recovery must put together a cut from nodes that remember different things.
     */
    NON_COORDINATOR,
    /** Fewer than half of the nodes, at least one. */
    MINORITY,
    /** Every node at once. */
    ALL;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FaultTarget parse(String text) {
        return Arrays.stream(values())
                .filter(t -> t.cliName().equals(text.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown fault target '" + text + "' (one of: one, coordinator, non-coordinator, minority, all)"));
    }
}
