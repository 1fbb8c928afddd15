package io.cutcheck.cli;

import io.cutcheck.cli.replay.Candidate;
import io.cutcheck.cli.replay.SavedFailure;
import io.cutcheck.cli.replay.ScenarioCommandLine;
import io.cutcheck.cli.replay.Shrinker;
import io.cutcheck.harness.checker.Validity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cutcheck shrink STORE}: minimizes the faults of a failing run ({@link Shrinker}); a
 * candidate still fails when one of its tries is invalid by a checker that found the saved run
 * invalid. Writes {@code STORE/shrink/scenario.json} and the store of the last failing run beside
 * it, and exits 1: what it leaves is a failing scenario.
 */
@Command(name = "shrink", mixinStandardHelpOptions = true,
        description = "Minimize the faults of a failing run to a small scenario that still fails.")
final class ShrinkCommand implements Callable<Integer> {

    static final int MAX_TRIES = 20;
    private static final Pattern SPAN = Pattern.compile("(\\d+)\\s*(s|m|h)");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "STORE_DIR", description = "a failing run's directory in the store")
    Path dir;

    @Option(names = "--tries", defaultValue = "2", paramLabel = "K",
            description = "runs per candidate; it fails when one of them does (default: ${DEFAULT-VALUE})")
    int tries;

    @Option(names = "--budget", defaultValue = "10m", paramLabel = "DURATION",
            description = "stop with the smallest failing schedule found by then: 90s, 10m, 1h (default: ${DEFAULT-VALUE})")
    String budget;

    @Override
    public Integer call() throws IOException {
        SavedFailure saved;
        Duration limit;
        try {
            if (tries < 1 || tries > MAX_TRIES) {
                throw new IllegalArgumentException("--tries must be from 1 to " + MAX_TRIES + ": " + tries);
            }
            limit = span(budget);
            saved = TryRunner.load(dir);
            if (saved.judged().verdict() != Validity.INVALID) {
                throw new IllegalArgumentException(saved.storeDir() + " is " + saved.judged().describe()
                        + ": only an invalid run can be shrunk");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        PrintWriter out = command.commandLine().getOut();
        TryRunner runner = new TryRunner(command.commandLine().getErr());
        Shrinking shrinking = new Shrinking(saved, runner, tries);
        out.printf("shrink: %s was %s with %s; up to %d tries per candidate, budget %s%n", saved.storeDir(),
                saved.judged().describe(), shrinking.original().describe(), tries, budget);
        out.flush();
        runner.prepare(saved.spec());
        long began = System.nanoTime();
        Shrinker.Progress progress = (stage, number, candidate, verdict, best) -> {
            out.printf("shrink [%s] %d: %s: %s; smallest failing: %d fault%s in %d s (%.0f s spent)%n", stage, number,
                    candidate.describe(), verdict.name().toLowerCase(Locale.ROOT), best.size(), best.size() == 1 ? "" : "s",
                    best.timeLimitMillis() / 1000, (System.nanoTime() - began) / 1e9);
            out.flush();
        };
        Shrinking.Outcome outcome = shrinking.run(limit, progress);
        report(outcome, saved, out, (System.nanoTime() - began) / 1e9);
        return Validity.INVALID.exitCode();
    }

    private static void report(Shrinking.Outcome outcome, SavedFailure saved, PrintWriter out, double seconds) {
        Shrinker.Result result = outcome.result();
        Candidate best = result.best();
        out.printf("shrunk: %d faults -> %d fault%s, run phase %d s -> %d s (%d candidates, %.0f s%s)%n",
                result.original().size(), best.size(), best.size() == 1 ? "" : "s",
                result.original().timeLimitMillis() / 1000, best.timeLimitMillis() / 1000, result.candidatesTried(),
                seconds, result.budgetSpent() ? ", budget spent" : "");
        out.println("scenario: " + outcome.scenarioFile());
        Path replayed = outcome.lastFailing() != null ? outcome.lastFailing() : saved.storeDir();
        if (outcome.lastFailing() != null) {
            out.println("last failing run: " + outcome.lastFailing());
        } else {
            out.println("no smaller candidate failed: the scenario is the saved run's own");
        }
        out.println("replay: ./cutcheck replay " + ScenarioCommandLine.quote(replayed.toString()));
        out.println("or: " + ScenarioCommandLine.of(saved.rerun(outcome.minimal(), best.timeLimitMillis(),
                Path.of("store")), outcome.scenarioFile()));
        out.flush();
    }

    static Duration span(String text) {
        Matcher m = SPAN.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--budget must be a positive span like 90s, 10m or 1h: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
