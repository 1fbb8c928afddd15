package io.cutcheck.cli;

import io.cutcheck.harness.checker.Detection;
import io.cutcheck.cli.selfcheck.Matrix;
import io.cutcheck.cli.selfcheck.Recipe;
import io.cutcheck.cli.selfcheck.Recipes;
import io.cutcheck.cli.selfcheck.RowResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.run.TestRun;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.ShippedSystems;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cutcheck self-check}: runs every defect variant with the faults that expose it and the
 * correct systems under every nemesis, each on several seeds, and prints the matrix of defects
 * caught and false alarms. Proves the checkers catch what they claim to.
 */
@Command(name = "self-check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run every defect variant (must be invalid) and the correct systems under every nemesis "
                + "(must be valid) on several seeds; print the matrix.",
        footer = {"", "Exit codes: 0 every defect caught on every seed and no false alarm; 1 a defect missed or a "
                + "false alarm; 2 a row not run (nemesis not available) or a run that could not be judged."})
final class SelfCheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec command;

    @Option(names = "--runtime", defaultValue = "local", description = "where nodes run (default: ${DEFAULT-VALUE})")
    String runtime;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N", description = "seeds per row (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", description = "the first seed; then +1 (default: ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--time-limit", defaultValue = "10", paramLabel = "SECONDS",
            description = "run phase of each run (default: ${DEFAULT-VALUE})")
    double timeLimitSeconds;

    @Option(names = "--only", paramLabel = "REGEX",
            description = "only the rows whose name matches, e.g. 'barrier/.*' or 'marker/correct:.*'")
    String only;

    @Option(names = "--system-file", paramLabel = "DESCRIPTOR",
            description = "run only the correct rows, for the system this descriptor describes")
    Path systemFile;

    @Option(names = "--store", defaultValue = "store", paramLabel = "DIR", description = "store root (default: ${DEFAULT-VALUE})")
    Path store;

    /** Bounds a typo away from days of runs: the measured matrix takes 20 min at 3 seeds. */
    static final int MAX_SEEDS = 1000;

    @Override
    public Integer call() {
        List<RowResult> rows;
        try {
            rows = rows();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
        }
        PrintWriter out = command.commandLine().getOut();
        long runnable = rows.stream().filter(r -> r.notRunBecause() == null).count();
        out.printf("self-check: %d rows (%d runnable) × %d seeds, %s s runs on %s%n", rows.size(), runnable, seeds,
                timeLimitSeconds, runtime);
        out.flush();
        Path sutJar = SutJar.locate();
        int done = 0;
        long total = runnable * seeds;
        for (RowResult row : rows) {
            if (row.notRunBecause() != null) {
                continue;
            }
            for (int i = 0; i < seeds; i++) {
                String label = String.format("[%d/%d] %s seed %d", ++done, total, row.recipe().name(), firstSeed + i);
                runOne(row, firstSeed + i, label, sutJar, out);
            }
        }
        Matrix.print(rows, out);
        return Matrix.exitCode(rows);
    }

    /**
     * The rows to run, every flag checked first: the first runnable row's spec goes through the
     * test command's checks, so a bad flag is one line before the matrix starts, not a "not run"
     * on every row.
     */
    private List<RowResult> rows() {
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("--seeds must be from 1 to " + MAX_SEEDS + ": " + seeds);
        }
        Registry.require(Registry.RUNTIMES, "runtime", runtime);
        Pattern filter;
        try {
            filter = only == null ? null : Pattern.compile(only);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("--only is not a regular expression: " + only);
        }
        List<RowResult> rows = recipes().stream().filter(r -> filter == null || filter.matcher(r.name()).matches())
                .map(SelfCheckCommand::row).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("--only matches no row: " + only);
        }
        rows.stream().filter(r -> r.notRunBecause() == null).findFirst().ifPresent(r -> spec(r.recipe(), firstSeed));
        return rows;
    }

    private List<Recipe> recipes() {
        List<Recipe> recipes = new ArrayList<>();
        if (systemFile == null) {
            recipes.addAll(Recipes.DEFECTS);
            recipes.addAll(Recipes.correct(ShippedSystems.names(), Registry.nemesisFamilies(runtime).values()));
        } else {
            // a user's system: its own defects are not in the table, so only "valid under every family"
            String system = Registry.system(null, systemFile).name();
            recipes.addAll(Recipes.correct(List.of(system), Registry.nemesisFamilies(runtime).values()));
        }
        return recipes;
    }

    private static RowResult row(Recipe recipe) {
        List<String> missing = Registry.atomicKinds(recipe.kinds()).stream()
                .filter(k -> !Registry.NEMESES.containsKey(k)).toList();
        return missing.isEmpty() ? RowResult.runnable(recipe)
                : RowResult.notRun(recipe, "nemesis not available: " + String.join(", ", missing));
    }

    private void runOne(RowResult row, long seed, String label, Path sutJar, PrintWriter out) {
        TestSpec spec;
        try {
            spec = spec(row.recipe(), seed);
        } catch (RuntimeException e) {
            row.add(Validity.UNKNOWN, null);
            out.printf("%s: not run: %s%n", label, CutcheckCommand.oneLine(e));
            return;
        }
        TestRun run = new TestRun(spec, Runner.parts(spec, sutJar));
        RunOutcome outcome;
        try (ProgressLine progress = ProgressLine.start(run, command.commandLine().getErr(), label)) {
            outcome = run.run();
        }
        RunPages.write(outcome, command.commandLine().getErr());
        Long detected = null;
        if (outcome.observations() != null && outcome.checks() != null) {
            OptionalLong ms = Detection.millis(outcome.observations(), outcome.checks(), spec.timeLimitMillis());
            detected = ms.isPresent() ? ms.getAsLong() : null;
        }
        Validity verdict = outcome.exitCode() == 2 ? Validity.UNKNOWN : outcome.verdict();
        row.add(verdict, detected);
        out.printf("%s: %s%s%s — %s%n", label, verdict.name().toLowerCase(),
                verdict == Validity.INVALID && detected != null ? String.format(" after %.1f s", detected / 1000.0) : "",
                outcome.error() != null ? " (" + outcome.error() + ")" : "", outcome.storeDir());
        out.flush();
    }

    /** The spec of one run, through the test command's own parsing, so defaults and checks are the same. */
    private TestSpec spec(Recipe recipe, long seed) {
        List<String> args = new ArrayList<>(systemFile != null ? List.of("--system-file", systemFile.toString())
                : List.of("--system", recipe.system()));
        args.addAll(List.of("--runtime", runtime,
                "--nemesis", String.join(",", recipe.kinds()), "--targets", String.join(",", recipe.targets()),
                "--time-limit", Double.toString(timeLimitSeconds), "--seed", Long.toString(seed),
                "--checkpoint-interval", Long.toString(recipe.checkpointIntervalMs()),
                "--fault-interval", Long.toString(recipe.faultIntervalMs()),
                "--fault-duration", Long.toString(recipe.faultDurationMs()),
                "--store", store.toString(), "--name", "self-check-" + recipe.name().replaceAll("[^A-Za-z0-9._-]", "-")));
        if (recipe.defect() != null) {
            args.addAll(List.of("--defect", recipe.defect()));
        }
        TestCommand test = new TestCommand();
        new CommandLine(test).parseArgs(args.toArray(String[]::new));
        return test.spec();
    }
}
