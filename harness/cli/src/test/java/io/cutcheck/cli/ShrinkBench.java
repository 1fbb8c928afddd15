package io.cutcheck.cli;

import io.cutcheck.cli.replay.SavedFailure;
import io.cutcheck.cli.replay.Shrinker;
import io.cutcheck.cli.replay.TryResult;
import io.cutcheck.cli.selfcheck.Recipe;
import io.cutcheck.cli.selfcheck.Recipes;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.spec.TestSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How well failing runs reproduce and shrink, over the defect catalogue. For each defect: a run
 * under a busy schedule (the self-check recipe's faults plus a noise kind, at least 8 faults)
 * until one is invalid, then N replays of it (how many fail again), then a shrink; prints one
 * table row per defect, and the table at the end. The known minimum is one fault for every
 * row: each self-check recipe catches its defect with one fault at a time.
 *
 * <pre>java -Dcutcheck.home=. -cp harness/cli/target/cutcheck.jar:harness/cli/target/test-classes \
 *     io.cutcheck.cli.ShrinkBench [--only REGEX] [--replays 10] [--tries 2] [--budget 10m] [--store DIR]</pre>
 */
public final class ShrinkBench {

    private static final int MIN_FAULTS = 8;
    private static final int SEEDS = 5;

    private ShrinkBench() {}

    private record Row(String defect, String schedule, int faults, int shrunk, long shrinkSeconds, int candidates,
                       int replaysFailing, int replays, String note) {
        String line() {
            return String.format(Locale.ROOT, "| %s | %s | %d | %d | 1 | %d s (%d candidates) | %d/%d |%s", defect,
                    schedule, faults, shrunk, shrinkSeconds, candidates, replaysFailing, replays,
                    note.isEmpty() ? "" : " " + note + " |");
        }
    }

    public static void main(String[] args) throws Exception {
        Pattern only = Pattern.compile(".*");
        int replays = 10;
        int tries = 2;
        Duration budget = Duration.ofMinutes(10);
        Path store = Path.of("/tmp/cutcheck-shrink-bench");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--only" -> only = Pattern.compile(args[i + 1]);
                case "--replays" -> replays = Integer.parseInt(args[i + 1]);
                case "--tries" -> tries = Integer.parseInt(args[i + 1]);
                case "--budget" -> budget = ShrinkCommand.span(args[i + 1]);
                case "--store" -> store = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        PrintWriter out = new PrintWriter(System.out, true);
        TryRunner runner = new TryRunner(new PrintWriter(System.err, true));
        List<Row> rows = new ArrayList<>();
        for (Recipe recipe : Recipes.DEFECTS) {
            if (only.matcher(recipe.name()).matches()) {
                Row row = bench(recipe, runner, replays, tries, budget, store, out);
                out.println(row.line());
                rows.add(row);
            }
        }
        out.println();
        out.println("| defect | busy schedule | faults | shrunk | known minimum | shrink wall time | replays failing |");
        out.println("|---|---|---|---|---|---|---|");
        rows.forEach(r -> out.println(r.line()));
    }

    private static Row bench(Recipe recipe, TryRunner runner, int replays, int tries, Duration budget, Path store,
                             PrintWriter out) throws Exception {
        List<String> kinds = new ArrayList<>(recipe.kinds());
        kinds.add(kinds.contains("pause") ? "kill" : "pause");
        String schedule = String.join(",", kinds) + " @" + String.join(",", recipe.targets());
        // three faults to spare: a slow restart on a loaded machine pushes the last ones past the end
        long timeLimitSeconds = (long) Math.ceil((MIN_FAULTS + 3) * recipe.faultIntervalMs() / 1000.0) + 1;
        for (long seed = 1; seed <= SEEDS; seed++) {
            TestSpec spec = new SpecBuilder().system(recipe.system()).defect(recipe.defect()).nemesis(kinds)
                    .targets(recipe.targets()).faultTiming(recipe.faultIntervalMs(), recipe.faultDurationMs(), 0.25)
                    .checkpointIntervalMillis(recipe.checkpointIntervalMs()).timeLimitSeconds((double) timeLimitSeconds)
                    .seed(seed).store(store).build();
            runner.prepare(spec);
            TryResult busy = runner.run(spec, recipe.name() + " busy ");
            out.printf("%s seed %d: %s%n", recipe.name(), seed, busy.describe());
            if (busy.verdict() != Validity.INVALID) {
                continue;
            }
            SavedFailure saved = TryRunner.load(busy.storeDir());
            if (saved.executed().faults().size() < MIN_FAULTS) {
                out.printf("%s seed %d: only %d faults, next seed%n", recipe.name(), seed, saved.executed().faults().size());
                continue;
            }
            int failing = 0;
            for (int i = 1; i <= replays; i++) {
                TryResult again = runner.run(saved.rerun(saved.executed(), saved.spec().timeLimitMillis(),
                        saved.storeDir().resolve("replay")), recipe.name() + " replay " + i + " ");
                failing += again.reproduces(saved.judged()) ? 1 : 0;
            }
            long began = System.nanoTime();
            Shrinking.Outcome shrunk = new Shrinking(saved, runner, tries).run(budget,
                    (stage, n, c, v, best) -> out.printf("%s shrink [%s] %d: %s: %s%n", recipe.name(), stage, n,
                            c.describe(), v.name().toLowerCase(Locale.ROOT)));
            Shrinker.Result r = shrunk.result();
            return new Row(recipe.name(), schedule, r.original().size(), r.best().size(),
                    Math.round((System.nanoTime() - began) / 1e9), r.candidatesTried(), failing, replays,
                    r.budgetSpent() ? "budget spent" : "");
        }
        return new Row(recipe.name(), schedule, 0, 0, 0, 0, 0, 0, "no invalid run with " + MIN_FAULTS + "+ faults in "
                + SEEDS + " seeds");
    }
}
