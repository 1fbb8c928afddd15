package io.cutcheck.harness.schedule;

import io.cutcheck.harness.nemesis.Fault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Turns a scenario into the run's fault schedule: a pure function of the steps, the nodes and the
 * seed. Steps that name nodes keep them; a step that names a target kind draws its nodes from the
 * seed, as a random schedule does (and spares the nodes that send no acknowledgement when its kind
 * waits for one). Every step must be healed within the run phase.
 */
final class ScenarioPlanner {

    private ScenarioPlanner() {}

    static Schedule<Fault> plan(Scenario scenario, List<String> nodes, Set<String> coordinators,
                                FaultSchedule.Aims aims, long runMillis, long seed) {
        Random random = new Random(seed);
        TargetChooser anyNode = new TargetChooser(nodes, coordinators);
        List<Planned<Fault>> faults = new ArrayList<>();
        for (ScenarioStep step : scenario.faults()) {
            if (step.endMillis() > runMillis) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s is healed at %.1f s, after the run phase ends at %.1f s (raise --time-limit)",
                        step.label(), step.endMillis() / 1000.0, runMillis / 1000.0));
            }
            boolean aimsAtAcks = aims.aimsAtAcknowledgements().test(step.kind());
            List<String> targets = kindOf(step, nodes)
                    .map(kind -> chooser(anyNode, aims, aimsAtAcks, step).choose(kind, random))
                    .orElseGet(() -> concrete(step, nodes, aims, aimsAtAcks));
            faults.add(new Planned<>(step.atMillis(),
                    new Fault(step.id(), step.kind(), targets, step.atMillis(), step.durationMillis(),
                            step.afterCheckpoint())));
        }
        return new Schedule<>(faults);
    }

    /** The target kind a step names instead of nodes: a single entry that is no node's name. */
    private static Optional<FaultTarget> kindOf(ScenarioStep step, List<String> nodes) {
        if (step.targets().size() != 1 || nodes.contains(step.targets().get(0))) {
            return Optional.empty();
        }
        String name = step.targets().get(0).trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(FaultTarget.values()).filter(t -> t.cliName().equals(name)).findFirst();
    }

    private static TargetChooser chooser(TargetChooser anyNode, FaultSchedule.Aims aims, boolean aimsAtAcks,
                                         ScenarioStep step) {
        try {
            return aimsAtAcks ? anyNode.sparing(aims.silentNodes()) : anyNode;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(step.label() + ": " + e.getMessage());
        }
    }

    private static List<String> concrete(ScenarioStep step, List<String> nodes, FaultSchedule.Aims aims,
                                         boolean aimsAtAcks) {
        for (String target : step.targets()) {
            if (!nodes.contains(target)) {
                throw new IllegalArgumentException(step.label() + ": target '" + target + "' is no node of this run ("
                        + String.join(", ", nodes) + ") and no target kind (one, coordinator, non-coordinator,"
                        + " minority, all)");
            }
            if (aimsAtAcks && aims.silentNodes().contains(target)) {
                throw new IllegalArgumentException(step.label() + ": " + step.kind() + " waits for an acknowledgement,"
                        + " and " + target + " sends none (its descriptor: committer.acknowledges false)");
            }
        }
        if (Set.copyOf(step.targets()).size() != step.targets().size()) {
            throw new IllegalArgumentException(step.label() + ": a node is named twice in its targets");
        }
        return step.targets();
    }
}
