package io.cutcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.run.RunOutcome;
import io.cutcheck.harness.run.TestRun;
import io.cutcheck.harness.services.SutJar;
import io.cutcheck.harness.spec.TestSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs a test inside another program (the JUnit 5 extension), assembled from the same registry
 * and with the same defaults and checks as {@code cutcheck test}, and writes the same store and
 * report files.
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

    /** The spec with another workload, checked against the registry. */
    public static TestSpec withWorkload(TestSpec spec, String workload) {
        Registry.require(Registry.WORKLOADS, "workload", workload);
        return new TestSpec(spec.name(), spec.system(), spec.systemFile(), spec.runtime(), workload, spec.nodes(), spec.ratePerSecond(),
                spec.concurrency(), spec.faults(), spec.seed(), spec.timeLimitMillis(), spec.drainTimeoutMillis(),
                spec.checkpoint(), spec.defect(), spec.options(), spec.storeDir());
    }

    /** Runs the spec to the end and writes its report files; never throws for a failing system. */
    public static Finished run(TestSpec spec) {
        TestRun run = new TestRun(spec, Runner.parts(spec, SutJar.locate()));
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
