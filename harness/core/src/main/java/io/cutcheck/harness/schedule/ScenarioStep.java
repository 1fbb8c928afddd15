package io.cutcheck.harness.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cutcheck.harness.nemesis.Fault;
import java.util.List;
import java.util.Locale;

/**
 * One fault of a scenario, as a user writes it or as a run executed it.
 *
 * @param id the fault's number in the run; kept when a schedule is replayed or shrunk, since the
 *     network faults draw their partition shape from it
 * @param kind a fault kind as {@code --nemesis} spells it, compound {@code a+b} included
 * @param targets node names of the run, or a single target kind ({@code one}, {@code coordinator},
 *     {@code non-coordinator}, {@code minority}, {@code all}) drawn by the run's seed
 * @param atMillis when the fault begins, after the start of the run phase
 * @param durationMillis how long it lasts before it is healed
 * @param afterCheckpoint the step begins, at {@code at} or later, once the system has begun this
 *     checkpoint (waiting at most its duration, and 3 s); a replay takes it from the saved run, so
 *     a fault meets the same checkpoint again; null to begin at {@code at} alone
 */
@JsonPropertyOrder({"id", "kind", "targets", "at", "duration", "afterCheckpoint"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScenarioStep(int id, String kind, List<String> targets, @JsonProperty("at") long atMillis,
                           @JsonProperty("duration") long durationMillis, Long afterCheckpoint) {
    public ScenarioStep {
        targets = List.copyOf(targets);
    }

    public ScenarioStep(int id, String kind, List<String> targets, long atMillis, long durationMillis) {
        this(id, kind, targets, atMillis, durationMillis, null);
    }

    /** The step of a fault as a run planned it: its concrete targets, its id and its timing. */
    public static ScenarioStep of(Fault fault) {
        return new ScenarioStep(fault.id(), fault.kind(), fault.targets(), fault.startMillis(), fault.durationMillis(),
                fault.afterCheckpoint());
    }

    /** The same step, meeting the system at {@code checkpoint} (null: at its time alone). */
    public ScenarioStep withAfterCheckpoint(Long checkpoint) {
        return new ScenarioStep(id, kind, targets, atMillis, durationMillis, checkpoint);
    }

    public long endMillis() {
        return atMillis + durationMillis;
    }

    public ScenarioStep withTargets(List<String> newTargets) {
        return new ScenarioStep(id, kind, newTargets, atMillis, durationMillis, afterCheckpoint);
    }

    public ScenarioStep withKind(String newKind) {
        return new ScenarioStep(id, newKind, targets, atMillis, durationMillis, afterCheckpoint);
    }

    public ScenarioStep withDurationMillis(long millis) {
        return new ScenarioStep(id, kind, targets, atMillis, millis, afterCheckpoint);
    }

    /** How a message names this step: its number, kind and start, e.g. {@code step 2 (kill at 5.0 s)}. */
    public String label() {
        return String.format(Locale.ROOT, "step %d (%s at %.1f s)", id, kind, atMillis / 1000.0);
    }
}
