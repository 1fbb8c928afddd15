package io.cutcheck.cli;

import io.cutcheck.cli.replay.Candidate;
import io.cutcheck.cli.replay.SavedFailure;
import io.cutcheck.cli.replay.ScenarioCommandLine;
import io.cutcheck.cli.replay.ScenarioFiles;
import io.cutcheck.cli.replay.ShrinkStores;
import io.cutcheck.cli.replay.Shrinker;
import io.cutcheck.cli.replay.TryResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.schedule.Scenario;
import io.cutcheck.harness.spec.TestSpec;
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
        ShrinkStores stores = new ShrinkStores(saved.storeDir());
        stores.clear();
        Candidate original = new Candidate(saved.executed().faults(), saved.spec().timeLimitMillis());
        out.printf("shrink: %s was %s with %s; up to %d tries per candidate, budget %s%n", saved.storeDir(),
                saved.judged().describe(), original.describe(), tries, budget);
        out.flush();
        TryRunner runner = new TryRunner(command.commandLine().getErr());
        runner.prepare(saved.spec());
        long began = System.nanoTime();
        Shrinker.Oracle oracle = (candidate, stage) -> test(candidate, stage, saved, runner, stores);
        Shrinker.Progress progress = (stage, number, candidate, verdict, best) -> {
            out.printf("shrink [%s] %d: %s: %s; smallest failing: %d fault%s in %d s (%.0f s spent)%n", stage, number,
                    candidate.describe(), verdict.name().toLowerCase(Locale.ROOT), best.size(), best.size() == 1 ? "" : "s",
                    best.timeLimitMillis() / 1000, (System.nanoTime() - began) / 1e9);
            out.flush();
        };
        Shrinker.Result result = new Shrinker(oracle, progress, limit.toNanos(), System::nanoTime)
                .shrink(original, saved.detectionMillis());
        report(result, saved, stores, out, (System.nanoTime() - began) / 1e9);
        return Validity.INVALID.exitCode();
    }

    private Shrinker.Verdict test(Candidate candidate, String stage, SavedFailure saved, TryRunner runner,
                                  ShrinkStores stores) {
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

    private static void report(Shrinker.Result result, SavedFailure saved, ShrinkStores stores, PrintWriter out,
                               double seconds) {
        Candidate best = result.best();
        Scenario minimal = new Scenario(String.format(Locale.ROOT, "shrunk from %s: %d faults -> %d; the saved run was %s",
                saved.storeDir(), result.original().size(), best.size(), saved.judged().describe()), best.steps());
        Path scenario = ScenarioFiles.write(stores.dir(), minimal);
        Path lastFailing = stores.keepLastFailing();
        out.printf("shrunk: %d faults -> %d fault%s, run phase %d s -> %d s (%d candidates, %.0f s%s)%n",
                result.original().size(), best.size(), best.size() == 1 ? "" : "s",
                result.original().timeLimitMillis() / 1000, best.timeLimitMillis() / 1000, result.candidatesTried(),
                seconds, result.budgetSpent() ? ", budget spent" : "");
        out.println("scenario: " + scenario);
        if (lastFailing != null) {
            out.println("last failing run: " + lastFailing);
            out.println("replay: ./cutcheck replay " + ScenarioCommandLine.quote(lastFailing.toString()));
        } else {
            out.println("no candidate failed: the scenario is the saved run's own; replay: ./cutcheck replay "
                    + ScenarioCommandLine.quote(saved.storeDir().toString()));
        }
        out.println("or: " + ScenarioCommandLine.of(saved.rerun(minimal, best.timeLimitMillis(), Path.of("store")),
                scenario));
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
