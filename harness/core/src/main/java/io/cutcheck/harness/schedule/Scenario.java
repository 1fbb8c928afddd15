package io.cutcheck.harness.schedule;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A fault schedule written out: the faults of a run in the order they begin, each with its
 * targets, start and duration. A run given one follows it instead of drawing faults from a
 * {@link FaultPlan}'s kinds and interval; every run's {@code test.json} holds the schedule it
 * executed, so a saved run is replayed, or shrunk, from it. SCENARIO.md in the harness documents
 * the file.
 *
 * @param description free text for whoever reads the file, or null
 * @param faults the steps, each beginning after the previous one was healed
 */
public record Scenario(String description, List<ScenarioStep> faults) {
    public Scenario {
        faults = List.copyOf(faults);
        Set<Integer> ids = new HashSet<>();
        ScenarioStep previous = null;
        for (ScenarioStep step : faults) {
            requireWellFormed(step);
            if (!ids.add(step.id())) {
                throw new IllegalArgumentException(step.label() + ": id " + step.id() + " is used twice");
            }
            if (previous != null && step.atMillis() < previous.endMillis()) {
                throw new IllegalArgumentException(step.label() + " begins before " + previous.label()
                        + String.format(Locale.ROOT, " is healed at %.1f s", previous.endMillis() / 1000.0)
                        + " (steps follow one another in time; faults at once are written a+b)");
            }
            previous = step;
        }
    }

    public Scenario(List<ScenarioStep> faults) {
        this(null, faults);
    }

    private static void requireWellFormed(ScenarioStep step) {
        if (step.kind() == null || step.kind().isBlank()) {
            throw new IllegalArgumentException(step.label() + ": no fault kind");
        }
        if (step.targets().isEmpty() || step.targets().stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException(step.label() + ": targets must name nodes, or one target kind"
                    + " (one, coordinator, non-coordinator, minority, all)");
        }
        if (step.atMillis() < 0) {
            throw new IllegalArgumentException(step.label() + ": 'at' must be 0 or more");
        }
        if (step.durationMillis() <= 0) {
            throw new IllegalArgumentException(step.label() + ": 'duration' must be positive");
        }
    }

    /** The distinct fault kinds the steps use, in order of first use: what the run's nemesis must handle. */
    public List<String> kinds() {
        return faults.stream().map(ScenarioStep::kind).distinct().toList();
    }

    /** When the last step is healed; 0 for a scenario without faults. */
    public long endMillis() {
        return faults.isEmpty() ? 0 : faults.get(faults.size() - 1).endMillis();
    }

    public Scenario withFaults(List<ScenarioStep> steps) {
        return new Scenario(description, steps);
    }
}
