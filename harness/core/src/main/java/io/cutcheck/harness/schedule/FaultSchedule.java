package io.cutcheck.harness.schedule;

import io.cutcheck.harness.nemesis.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Makes the fault schedule of a run: a pure function of the plan, the nodes, the run's length
 * and the seed. Kinds take turns (starting from a seeded one) so that a short run still sees
 * every kind; targets are drawn by the seed. Every fault begins after a first gap and is healed
 * before the run phase ends, and faults never overlap.
 */
public final class FaultSchedule {

    private FaultSchedule() {}

    public static Schedule<Fault> plan(FaultPlan plan, List<String> nodes, Set<String> coordinators,
                                       long runMillis, long seed) {
        if (plan.kinds().isEmpty()) {
            return Schedule.empty();
        }
        Random random = new Random(seed);
        TargetChooser chooser = new TargetChooser(nodes, coordinators);
        int kindOffset = random.nextInt(plan.kinds().size());
        List<Planned<Fault>> faults = new ArrayList<>();
        long start = gap(plan, random);
        while (start + plan.durationMillis() <= runMillis) {
            int id = faults.size();
            String kind = plan.kinds().get((kindOffset + id) % plan.kinds().size());
            FaultTarget target = plan.targets().get(random.nextInt(plan.targets().size()));
            List<String> targets = chooser.choose(target, random);
            faults.add(new Planned<>(start, new Fault(id, kind, targets, start, plan.durationMillis())));
            start += gap(plan, random);
        }
        return new Schedule<>(faults);
    }

    private static long gap(FaultPlan plan, Random random) {
        double factor = 1 + plan.jitter() * (2 * random.nextDouble() - 1);
        return Math.max(plan.durationMillis(), Math.round(plan.intervalMillis() * factor));
    }
}
