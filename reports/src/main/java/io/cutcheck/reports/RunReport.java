package io.cutcheck.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import io.cutcheck.harness.run.DrainOutcome;
import io.cutcheck.harness.run.RunOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the report writers read: the run's typed result ({@link RunOutcome}: what it
 * observed, what the checkers found, its verdict, phases and drain) and the test spec it ran.
 *
 * @param outcome the run's result; it must have a store and observations
 * @param spec the test spec as saved in {@code test.json}
 */
public record RunReport(RunOutcome outcome, JsonNode spec) {

    /** The phases of a run, in order. */
    public static final List<String> PHASES = List.of("setup", "run", "heal", "drain", "collect", "check");

    public RunReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(outcome.storeDir(), "storeDir");
        Objects.requireNonNull(outcome.observations(), "observations");
        Objects.requireNonNull(outcome.checks(), "checks");
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * A report of checkers' results alone (no run loop behind them, as in tests of the pages): the
     * verdict is theirs, nothing cut the run short, and the drain is what the store says.
     *
     * @param phases phase name → wall time spent in it; a phase that did not run is simply absent
     */
    public RunReport(Observations observations, List<CheckResult> results, Map<String, Duration> phases,
                     Path storeDir, JsonNode spec) {
        this(new RunOutcome(verdictOf(results), storeDir, null, observations, results, phases,
                DrainOutcome.fromStore(observations.drained()), false), spec);
    }

    /**
     * The worst of the checkers' verdicts, and UNKNOWN when no checker ran (a run nobody judged is
     * not valid).
     */
    private static Validity verdictOf(List<CheckResult> results) {
        return results.stream().map(CheckResult::validity).reduce(Validity::and).orElse(Validity.UNKNOWN);
    }

    public Observations observations() {
        return outcome.observations();
    }

    /** One result per checker, in the order the checkers ran. */
    public List<CheckResult> results() {
        return outcome.checks();
    }

    /** The run's verdict: the checkers', unless the run was cut short (then unknown unless proven invalid). */
    public Validity verdict() {
        return outcome.verdict();
    }

    /** The run's store directory, {@code store/<test>/<timestamp>}, absolute; the files are written there. */
    public Path storeDir() {
        return outcome.storeDir().toAbsolutePath().normalize();
    }

    /** Phase name → wall time: the run's phases ({@link #PHASES}) in run order, then any others. */
    public Map<String, Duration> phases() {
        Map<String, Duration> ordered = new LinkedHashMap<>();
        for (String phase : PHASES) {
            if (outcome.phases().containsKey(phase)) {
                ordered.put(phase, outcome.phases().get(phase));
            }
        }
        outcome.phases().forEach(ordered::putIfAbsent);
        return Collections.unmodifiableMap(ordered);
    }

    /** The test's name: the spec's {@code name}, else the store's {@code <test>} directory. */
    public String testName() {
        String named = spec.path("name").asText("");
        if (!named.isBlank()) {
            return named;
        }
        Path parent = storeDir().getParent();
        return parent != null && parent.getFileName() != null ? parent.getFileName().toString() : "cutcheck";
    }

    /** Sum of all phases. */
    public Duration totalTime() {
        return phases().values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
