package io.cutcheck.harness.schedule;

import io.cutcheck.harness.nemesis.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes the fault schedule of a run: a pure function of the plan, the nodes, the run's length
 * and the seed. A plan that follows a scenario gets the scenario's steps ({@link ScenarioPlanner});
 * otherwise faults are drawn as follows. Kinds take turns (starting from a seeded one) so that a short run still sees
 * every kind; targets are drawn by the seed. Every fault begins after a first gap and is healed
 * before the run phase ends, and faults never overlap.
 */
public final class FaultSchedule {

    private FaultSchedule() {}

    /**
     * What faults aimed at acknowledgements must spare: the nodes that send none (a barrier
     * coordinator), and which kinds aim so. Such a fault drawn at them goes to another node.
     */
    public record Aims(Set<String> silentNodes, Predicate<String> aimsAtAcknowledgements) {
        /** Every node acknowledges, or no kind aims at acknowledgements. */
        public static final Aims NONE = new Aims(Set.of(), kind -> false);

        public Aims {
            silentNodes = Set.copyOf(silentNodes);
        }
    }

    /**
     * @throws IllegalArgumentException when a kind aimed at acknowledgements may only hit nodes
     *     that send none ({@code --targets coordinator} on a coordinator that holds no part)
     */
    public static Schedule<Fault> plan(FaultPlan plan, List<String> nodes, Set<String> coordinators, Aims aims,
                                       long runMillis, long seed) {
        if (plan.scenario() != null) {
            return ScenarioPlanner.plan(plan.scenario(), nodes, coordinators, aims, runMillis, seed);
        }
        if (plan.kinds().isEmpty()) {
            return Schedule.empty();
        }
        requireAimable(plan, coordinators, aims);
        Random random = new Random(seed);
        TargetChooser anyNode = new TargetChooser(nodes, coordinators);
        TargetChooser acknowledging = anyNode.sparing(aims.silentNodes());
        int kindOffset = random.nextInt(plan.kinds().size());
        List<Planned<Fault>> faults = new ArrayList<>();
        long start = gap(plan, random);
        while (start + plan.durationMillis() <= runMillis) {
            int id = faults.size();
            String kind = plan.kinds().get((kindOffset + id) % plan.kinds().size());
            FaultTarget target = plan.targets().get(random.nextInt(plan.targets().size()));
            TargetChooser chooser = aims.aimsAtAcknowledgements().test(kind) ? acknowledging : anyNode;
            List<String> targets = chooser.choose(target, random);
            faults.add(new Planned<>(start, new Fault(id, kind, targets, start, plan.durationMillis())));
            start += gap(plan, random);
        }
        return new Schedule<>(faults);
    }

    private static void requireAimable(FaultPlan plan, Set<String> coordinators, Aims aims) {
        boolean onlyCoordinators = plan.targets().stream().allMatch(t -> t == FaultTarget.COORDINATOR);
        if (!onlyCoordinators || !aims.silentNodes().containsAll(coordinators) || coordinators.isEmpty()) {
            return;
        }
        plan.kinds().stream().filter(aims.aimsAtAcknowledgements()).findFirst().ifPresent(kind -> {
            throw new IllegalArgumentException(kind + " waits for its target's acknowledgement, and the committing node "
                    + String.join(", ", coordinators) + " sends none (its descriptor: committer.acknowledges false); "
                    + "target one, non-coordinator, minority or all");
        });
    }

    private static long gap(FaultPlan plan, Random random) {
        double factor = 1 + plan.jitter() * (2 * random.nextDouble() - 1);
        return Math.max(plan.durationMillis(), Math.round(plan.intervalMillis() * factor));
    }
}
