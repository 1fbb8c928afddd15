package io.cutcheck.cli;

import io.cutcheck.cli.replay.Candidate;
import io.cutcheck.cli.replay.SavedFailure;
import io.cutcheck.cli.replay.ScenarioFiles;
import io.cutcheck.cli.replay.ShrinkStores;
import io.cutcheck.cli.replay.Shrinker;
import io.cutcheck.cli.replay.TryResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.schedule.Scenario;
import io.cutcheck.harness.spec.TestSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One shrink of a saved failing run with real runs as the oracle: each candidate is run up to
 * {@code tries} times and fails when one of its tries is invalid by a checker that found the saved
 * run invalid. Leaves {@code STORE/shrink/scenario.json} and the last failing run's store.
 */
final class Shrinking {

    /** What a shrink leaves: the minimal scenario, its file, and the store of its last failing run (null if none). */
    record Outcome(Shrinker.Result result, Scenario minimal, Path scenarioFile, Path lastFailing) {}

    private final SavedFailure saved;
    private final TryRunner runner;
    private final int tries;
    private final ShrinkStores stores;

    Shrinking(SavedFailure saved, TryRunner runner, int tries) {
        this.saved = saved;
        this.runner = runner;
        this.tries = tries;
        this.stores = new ShrinkStores(saved.storeDir());
    }

    Candidate original() {
        return new Candidate(saved.executed().faults(), saved.spec().timeLimitMillis());
    }

    Outcome run(Duration budget, Shrinker.Progress progress) {
        stores.clear();
        Shrinker.Result result = new Shrinker(this::test, progress, budget.toNanos(), System::nanoTime)
                .shrink(original(), saved.detectionMillis());
        Candidate best = result.best();
        Scenario minimal = new Scenario(String.format(Locale.ROOT, "shrunk from %s: %d faults -> %d; the saved run was %s",
                saved.storeDir(), result.original().size(), best.size(), saved.judged().describe()), best.steps());
        Path scenarioFile = ScenarioFiles.write(stores.dir(), minimal);
        return new Outcome(result, minimal, scenarioFile, stores.keepLastFailing());
    }

    private Shrinker.Verdict test(Candidate candidate, String stage) {
        TestSpec spec = saved.rerun(new Scenario(candidate.steps()), candidate.timeLimitMillis(), stores.runs());
        boolean judged = false;
        for (int i = 1; i <= tries; i++) {
            TryResult result = runner.run(spec, "shrink [" + stage + "] try " + i + "/" + tries + " ");
            boolean fails = result.reproduces(saved.judged());
            stores.judged(result.storeDir(), fails);
            if (fails) {
                return Shrinker.Verdict.FAILS;
            }
            judged |= result.verdict() != Validity.UNKNOWN;
        }
        return judged ? Shrinker.Verdict.PASSES : Shrinker.Verdict.UNKNOWN;
    }
}
