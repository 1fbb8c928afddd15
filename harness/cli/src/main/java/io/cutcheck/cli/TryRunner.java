package io.cutcheck.cli;

import io.cutcheck.cli.replay.SavedFailure;
import io.cutcheck.cli.replay.TryResult;
import io.cutcheck.harness.run.Judge;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.run.TestRun;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.store.StoreReader;
import io.cutcheck.harness.checker.Checker;
import io.cutcheck.harness.workload.Workload;
import io.cutcheck.nemesis.network.ToxiproxyEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the specs of replays and shrink candidates one at a time, each as {@code cutcheck test}
 * would (its own store, report pages and live progress line), and tells what each showed.
 */
final class TryRunner {

    private final PrintWriter err;
    private final Path sutJar = SutJar.locate();

    TryRunner(PrintWriter err) {
        this.err = err;
    }

    /** Loads a saved run and judges it again with its spec's checkers (replay, shrink). */
    static SavedFailure load(Path dir) {
        return SavedFailure.load(dir, TryRunner::judge);
    }

    /** A saved run judged again as the run judged itself: what analyze, replay and shrink all see. */
    static Judge.Judgement judge(StoreReader.SavedRun saved) {
        return Judge.judge(saved.observations(), saved.integrity(), checkers(saved.manifest().spec()));
    }

    /** The workload's checkers, then the generic ones, as a run judges itself. */
    static List<Checker> checkers(TestSpec spec) {
        Workload workload = Registry.require(Registry.WORKLOADS, "workload", spec.workload()).get();
        List<Checker> checkers = new ArrayList<>(workload.checkers());
        checkers.addAll(Registry.genericCheckers(spec));
        return checkers;
    }

    /** Gets the runtime ready once (a Docker image built) before the first try. */
    void prepare(TestSpec spec) throws IOException {
        Registry.prepareRuntime(spec.runtime(), Registry.system(spec));
    }

    /** One run of {@code spec}; a schedule the system's nodes cannot take (a shrink's candidate) is unknown. */
    TryResult run(TestSpec spec, String label) {
        TestRun run;
        try {
            run = new TestRun(spec, Runner.parts(spec, sutJar, new ToxiproxyEndpoint.Embedded()));
        } catch (IllegalArgumentException e) {
            return TryResult.of(io.cutcheck.harness.checker.Validity.UNKNOWN, List.of(), null, null, e.getMessage());
        }
        RunOutcome outcome;
        try (ProgressLine progress = ProgressLine.start(run, err, label)) {
            outcome = run.run();
        }
        RunPages.write(outcome, err);
        return TryResult.of(outcome.verdict(), outcome.checks(), outcome.observations(), outcome.storeDir(),
                outcome.error());
    }
}
