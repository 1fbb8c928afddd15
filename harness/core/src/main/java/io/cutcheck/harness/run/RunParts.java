package io.cutcheck.harness.run;

import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.cleanup.RunFile;
import io.cutcheck.harness.nemesis.Nemesis;
import io.cutcheck.harness.runtime.Runtime;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.harness.workload.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * What a run is assembled from, resolved from the spec's names by whoever sees every module
 * (the CLI's registry, a test).
 *
 * @param runtime makes the runtime; it records the processes it starts in the given run file
 * @param genericCheckers the checkers that apply to every system, run after the workload's own
 * @param sutJar the jar holding the harness's services (input log, output store)
 * @param runDirectory where run files of live harnesses are kept (for cleaning up after a killed one)
 */
public record RunParts(SystemDefinition system, Workload workload, Function<RunFile, Runtime> runtime,
                       Nemesis nemesis, List<Checker> genericCheckers, Path sutJar, Path runDirectory) {
    public RunParts {
        genericCheckers = List.copyOf(genericCheckers);
    }

    /** The workload's checkers, then the generic ones. */
    public List<Checker> checkers() {
        List<Checker> all = new java.util.ArrayList<>(workload.checkers());
        all.addAll(genericCheckers);
        return List.copyOf(all);
    }
}
