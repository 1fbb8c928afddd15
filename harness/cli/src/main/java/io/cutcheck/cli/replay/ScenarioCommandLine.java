package io.cutcheck.cli.replay;

import io.cutcheck.harness.spec.TestSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code cutcheck test} command that runs a spec with a scenario file: what a user copies to
 * reproduce a failure, and what the README shows. Settings equal to the command line's defaults
 * are left out so the line stays readable.
 */
public final class ScenarioCommandLine {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./=:,+@-]+");

    private ScenarioCommandLine() {}

    public static String of(TestSpec spec, Path scenarioFile) {
        List<String> args = new ArrayList<>(List.of("./cutcheck", "test", "--scenario", scenarioFile.toString()));
        if (spec.systemFile() != null) {
            args.addAll(List.of("--system-file", spec.systemFile()));
        } else {
            args.addAll(List.of("--system", spec.system()));
        }
        if (spec.defect() != null) {
            args.addAll(List.of("--defect", spec.defect()));
        }
        args.addAll(List.of("--seed", Long.toString(spec.seed()), "--time-limit", seconds(spec.timeLimitMillis()),
                "--nodes", Integer.toString(spec.nodes())));
        addUnlessDefault(args, "--runtime", spec.runtime(), "local");
        addUnlessDefault(args, "--rate", Integer.toString(spec.ratePerSecond()), "200");
        addUnlessDefault(args, "--concurrency", Integer.toString(spec.concurrency()), "2");
        addUnlessDefault(args, "--checkpoint-interval", Long.toString(spec.checkpoint().intervalMillis()), "1000");
        addUnlessDefault(args, "--checkpoint-every-records", Long.toString(spec.checkpoint().everyRecords()), "0");
        addUnlessDefault(args, "--drain-timeout", seconds(spec.drainTimeoutMillis()), "60");
        spec.options().forEach((key, value) -> args.addAll(List.of("--option",
                key + "=" + (value.isTextual() ? value.asText() : value.toString()))));
        return String.join(" ", args.stream().map(ScenarioCommandLine::quote).toList());
    }

    private static void addUnlessDefault(List<String> args, String flag, String value, String fallback) {
        if (!value.equals(fallback)) {
            args.addAll(List.of(flag, value));
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** A word as a POSIX shell reads it back unchanged. */
    public static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
