package io.cutcheck.junit;

import io.cutcheck.cli.Embedded;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.spec.TestSpec;
import java.util.function.BiConsumer;
import org.opentest4j.AssertionFailedError;

/**
 * Runs cutcheck specs inside a test; handed to test methods by {@link CutcheckExtension}. Each
 * run's store directory is published to the test report under {@value #STORE_KEY} and printed on
 * standard output.
 */
public final class Cutcheck {

    /** The report entry key under which each run's store directory is published. */
    public static final String STORE_KEY = "cutcheck.store";

    private final String testName;
    private final BiConsumer<String, String> report;

    Cutcheck(String testName, BiConsumer<String, String> report) {
        this.testName = testName;
        this.report = report;
    }

    /**
     * Runs the spec and fails the test unless the checkers call it valid; the failure carries
     * the checkers' explanation and the store path.
     */
    public CutcheckResult assertValid(CutcheckSpec spec) {
        CutcheckResult result = run(spec);
        if (!result.valid()) {
            throw new AssertionFailedError("cutcheck: " + testName + " was " + result.verdict().name().toLowerCase()
                    + ", not valid\n" + result.explanation() + replayLine(result));
        }
        return result;
    }

    /** How to run the failure again from its store, and to shrink it; empty for a run without a store. */
    private static String replayLine(CutcheckResult result) {
        if (result.storeDir() == null) {
            return "";
        }
        String store = result.storeDir().toString();
        return "\nreplay: ./cutcheck replay " + store + "\nshrink: ./cutcheck shrink " + store;
    }

    /** Runs the spec and fails the test unless the checkers call it invalid (a defect must be caught). */
    public CutcheckResult assertInvalid(CutcheckSpec spec) {
        CutcheckResult result = run(spec);
        if (result.verdict() != CutcheckResult.Verdict.INVALID) {
            throw new AssertionFailedError("cutcheck: " + testName + " was " + result.verdict().name().toLowerCase()
                    + ", not invalid\n" + result.explanation());
        }
        return result;
    }

    /** Runs the spec and returns what happened, whatever the verdict; a bad spec fails the test. */
    public CutcheckResult run(CutcheckSpec spec) {
        TestSpec test;
        try {
            test = spec.toTestSpec(testName);
        } catch (IllegalArgumentException e) {
            throw new AssertionFailedError("cutcheck: bad spec: " + e.getMessage());
        }
        Embedded.Finished finished = spec.described().map(system -> Embedded.run(test, system))
                .orElseGet(() -> Embedded.run(test));
        if (finished.outcome().storeDir() != null) {
            report.accept(STORE_KEY, finished.outcome().storeDir().toString());
            // also on standard output, which Surefire and Failsafe keep in the test's XML report
            System.out.println("cutcheck: " + testName + " store: " + finished.outcome().storeDir());
        }
        return new CutcheckResult(verdict(finished), finished.outcome().storeDir(), Embedded.describe(finished),
                finished.results());
    }

    private static CutcheckResult.Verdict verdict(Embedded.Finished finished) {
        if (finished.outcome().exitCode() == 2) {
            return CutcheckResult.Verdict.UNKNOWN;
        }
        return finished.outcome().verdict() == Validity.VALID ? CutcheckResult.Verdict.VALID
                : finished.outcome().verdict() == Validity.INVALID ? CutcheckResult.Verdict.INVALID
                : CutcheckResult.Verdict.UNKNOWN;
    }
}
