package io.cutcheck.harness.schedule;

import java.util.List;

/**
 * How faults are spread over the run phase.
 *
 * @param kinds the fault kinds to use, as the CLI spells them (e.g. {@code kill}, {@code pause});
 *     empty for a run without faults
 * @param targets the target kinds to choose from
 * @param intervalMillis mean time from the start of one fault to the start of the next
 * @param jitter how much each gap may vary, as a fraction of the interval (0 ≤ jitter &lt; 1)
 * @param durationMillis how long a fault lasts before it is healed (a killed node stays down
 *     this long); at most the interval's lower bound, so faults never overlap
 * @param scenario the faults written out, followed instead of drawing them; null for a schedule
 *     drawn from the kinds, targets and timing above (which a scenario's run ignores)
 */
public record FaultPlan(List<String> kinds, List<FaultTarget> targets, long intervalMillis, double jitter,
                        long durationMillis, Scenario scenario) {
    public FaultPlan {
        kinds = List.copyOf(scenario != null ? scenario.kinds() : kinds);
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one fault target is needed");
        }
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("the fault interval must be positive: " + intervalMillis + " ms");
        }
        if (!(jitter >= 0 && jitter < 1)) { // written so that NaN is refused too
            throw new IllegalArgumentException("the fault jitter must be in [0, 1): " + jitter);
        }
        if (durationMillis <= 0 || durationMillis > Math.round(intervalMillis * (1 - jitter))) {
            throw new IllegalArgumentException("the fault duration must be positive and at most the shortest gap ("
                    + Math.round(intervalMillis * (1 - jitter)) + " ms): " + durationMillis + " ms");
        }
    }

    public FaultPlan(List<String> kinds, List<FaultTarget> targets, long intervalMillis, double jitter,
                     long durationMillis) {
        this(kinds, targets, intervalMillis, jitter, durationMillis, null);
    }

    public static FaultPlan none() {
        return new FaultPlan(List.of(), List.of(FaultTarget.ONE), 4000, 0.25, 2000);
    }

    /** A plan that follows {@code scenario}; its kinds are the scenario's. */
    public static FaultPlan following(Scenario scenario) {
        return none().withScenario(scenario);
    }

    public FaultPlan withKinds(List<String> newKinds) {
        return new FaultPlan(newKinds, targets, intervalMillis, jitter, durationMillis, null);
    }

    public FaultPlan withScenario(Scenario newScenario) {
        return new FaultPlan(kinds, targets, intervalMillis, jitter, durationMillis, newScenario);
    }
}
