package io.cutcheck.harness.checker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkers every run gets whatever its workload: they judge the checkpoint lifecycle alone
 * (events, statuses, faults). A run's full verdict composes them with its workload's checkers.
 */
public final class GenericCheckers {

    private GenericCheckers() {}

    public static List<Checker> all() {
        return all(ProgressChecker.DEFAULT_BOUND);
    }

    /**
     * With the progress bound the run chose: it should exceed the checkpoint interval plus the
     * checkpoint timeout, or a healthy system that aborts one checkpoint looks stuck.
     */
    public static List<Checker> all(Duration progressBound) {
        return List.of(new CommittedRestoreChecker(), new NoLostCommitChecker(), new ProgressChecker(progressBound));
    }

    /** The generic checkers (default progress bound) then the workload's, as one composite. */
    public static CompositeChecker with(String name, List<Checker> workloadCheckers) {
        return with(name, ProgressChecker.DEFAULT_BOUND, workloadCheckers);
    }

    /** The generic checkers then the workload's, as one composite named {@code name}. */
    public static CompositeChecker with(String name, Duration progressBound, List<Checker> workloadCheckers) {
        List<Checker> checkers = new ArrayList<>(all(progressBound));
        checkers.addAll(workloadCheckers);
        return new CompositeChecker(name, checkers);
    }
}
