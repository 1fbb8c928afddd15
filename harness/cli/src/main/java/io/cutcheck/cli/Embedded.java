package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.run.TestRun;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.TestSpec;
import io.cutcheck.harness.system.SystemDefinition;
import io.cutcheck.nemesis.network.ToxiproxyEndpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The public Java entry point: runs a spec ({@link SpecBuilder}) inside another program (the
 * JUnit 5 extension, a user's code), assembled from the same registry and with the same checks as
 * {@code cutcheck test}, and writes the same store and report files.
 */
public final class Embedded {

    /** A finished run: how it ended, and the complete results as written to {@code results.json}. */
    public record Finished(RunOutcome outcome, JsonNode results) {}

    private Embedded() {}

    /**
     * The spec that {@code cutcheck test ARGS} would run.
     *
     * @throws IllegalArgumentException with one line saying what is wrong
     */
    public static TestSpec spec(List<String> testArgs) {
        TestCommand test = new TestCommand();
        try {
            new CommandLine(test).parseArgs(testArgs.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        TestSpec spec = test.spec();
        return spec;
    }

    /** Runs the spec to the end and writes its report files; never throws for a failing system. */
    public static Finished run(TestSpec spec) {
        return run(spec, Registry.system(spec));
    }

    /** {@link #run(TestSpec)} of a system described in code rather than by name or file. */
    public static Finished run(TestSpec spec, SystemDefinition system) {
        TestRun run = new TestRun(spec, Runner.parts(spec, system, SutJar.locate(), new ToxiproxyEndpoint.Embedded()));
        RunOutcome outcome = run.run();
        StringWriter problems = new StringWriter();
        JsonNode results = RunPages.write(outcome, new PrintWriter(problems, true));
        return new Finished(outcome, results);
    }

    /** What {@code cutcheck test} prints for a finished run: the verdict, anomalies and store. */
    public static String describe(Finished finished) {
        StringWriter text = new StringWriter();
        Runner.print(finished.outcome(), finished.results(), new PrintWriter(text, true));
        return text.toString();
    }
}
