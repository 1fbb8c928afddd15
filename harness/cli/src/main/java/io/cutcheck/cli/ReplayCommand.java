package io.cutcheck.cli;

import io.cutcheck.cli.replay.SavedFailure;
import io.cutcheck.cli.replay.ScenarioFiles;
import io.cutcheck.cli.replay.ScenarioCommandLine;
import io.cutcheck.cli.replay.TryResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.spec.TestSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cutcheck replay STORE}: runs a saved run's spec again, following the faults it executed
 * (same nodes, same starts and durations, same seed), and says whether each try reproduced the
 * saved verdict. Aimed faults aim again at the same protocol point of the checkpoint each
 * triggers, not at a wall time.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run a saved run again with the faults it executed; exit 1 when a try is invalid.")
final class ReplayCommand implements Callable<Integer> {

    static final int MAX_TRIES = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "STORE_DIR", description = "a run's directory in the store (e.g. store/latest)")
    Path dir;

    @Option(names = "--tries", defaultValue = "3", paramLabel = "N", description = "runs to make (default: ${DEFAULT-VALUE})")
    int tries;

    @Override
    public Integer call() throws java.io.IOException {
        SavedFailure saved;
        try {
            if (tries < 1 || tries > MAX_TRIES) {
                throw new IllegalArgumentException("--tries must be from 1 to " + MAX_TRIES + ": " + tries);
            }
            saved = TryRunner.load(dir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        PrintWriter out = command.commandLine().getOut();
        TestSpec spec = saved.rerun(saved.executed(), saved.spec().timeLimitMillis(), saved.storeDir().resolve("replay"));
        out.printf("replay: %s was %s; %d faults, seed %d, %d tries%n", saved.storeDir(), saved.judged().describe(),
                saved.executed().faults().size(), spec.seed(), tries);
        out.flush();
        Path scenarioFile = ScenarioFiles.write(saved.storeDir().resolve("replay"), saved.executed());
        TryRunner runner = new TryRunner(command.commandLine().getErr());
        runner.prepare(spec);
        int[] byVerdict = new int[Validity.values().length];
        int reproduced = 0;
        for (int i = 1; i <= tries; i++) {
            TryResult result = runner.run(spec, "try " + i + "/" + tries + " ");
            byVerdict[result.verdict().ordinal()]++;
            boolean same = result.verdict() == Validity.INVALID ? result.reproduces(saved.judged())
                    : result.verdict() == saved.judged().verdict();
            reproduced += same ? 1 : 0;
            String aim = result.checkpointsMatched(saved.judged());
            out.printf("try %d/%d: %s, %s%s; store: %s%n", i, tries, result.describe(),
                    same ? "reproduced" : "not reproduced", aim.isEmpty() ? "" : "; " + aim, result.storeDir());
            out.flush();
        }
        int invalid = byVerdict[Validity.INVALID.ordinal()];
        int valid = byVerdict[Validity.VALID.ordinal()];
        out.printf("replayed: %d of %d tries reproduced %s (%d invalid, %d valid, %d unknown)%n", reproduced, tries,
                saved.judged().verdict().name().toLowerCase(Locale.ROOT), invalid, valid, tries - invalid - valid);
        out.println("as a scenario: " + ScenarioCommandLine.of(spec, scenarioFile));
        out.flush();
        return invalid > 0 ? 1 : valid > 0 ? 0 : 2;
    }
}
