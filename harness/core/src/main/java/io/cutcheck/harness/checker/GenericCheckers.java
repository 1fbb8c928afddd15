package io.cutcheck.harness.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * The checkers every run gets whatever its workload: they judge the checkpoint lifecycle alone
 * (events, statuses, faults). A run's full verdict composes them with its workload's checkers.
 */
public final class GenericCheckers {

    private GenericCheckers() {}

    public static List<Checker> all() {
        return List.of(new CommittedRestoreChecker(), new NoLostCommitChecker(), new ProgressChecker());
    }

    /** The generic checkers then the workload's, as one composite named {@code name}. */
    public static CompositeChecker with(String name, List<Checker> workloadCheckers) {
        List<Checker> checkers = new ArrayList<>(all());
        checkers.addAll(workloadCheckers);
        return new CompositeChecker(name, checkers);
    }
}
