package io.cutcheck.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutcheck.harness.checker.CheckResult;
import io.cutcheck.harness.checker.Validity;
import io.cutcheck.harness.observe.Observations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the report writers read: what the run observed, what the checkers found, how long
 * each phase took, where the run is stored and the test spec it ran.
 *
 * @param observations what the run observed
 * @param results one result per checker, in the order the checkers ran
 * @param phases phase name → wall time spent in it; the run's phases are {@link #PHASES}, in that
 *     order; a phase that did not run is simply absent
 * @param storeDir the run's store directory, {@code store/<test>/<timestamp>}; the files are
 *     written there
 * @param spec the test spec as saved in {@code test.json}
 */
public record RunReport(Observations observations, List<CheckResult> results, Map<String, Duration> phases,
                        Path storeDir, JsonNode spec) {

    /** The phases of a run, in order. */
    public static final List<String> PHASES = List.of("setup", "run", "heal", "drain", "collect", "check");

    public RunReport {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(storeDir, "storeDir");
        Objects.requireNonNull(spec, "spec");
        results = List.copyOf(results);
        phases = inPhaseOrder(phases);
        storeDir = storeDir.toAbsolutePath().normalize();
    }

    /**
     * The run's verdict: the worst of the checkers' verdicts, and UNKNOWN when no checker ran (a
     * run nobody judged is not valid).
     */
    public Validity verdict() {
        return results.stream().map(CheckResult::validity).reduce(Validity::and).orElse(Validity.UNKNOWN);
    }

    /** The test's name: the spec's {@code name}, else the store's {@code <test>} directory. */
    public String testName() {
        String named = spec.path("name").asText("");
        if (!named.isBlank()) {
            return named;
        }
        Path parent = storeDir.getParent();
        return parent != null && parent.getFileName() != null ? parent.getFileName().toString() : "cutcheck";
    }

    /** Sum of all phases. */
    public Duration totalTime() {
        return phases.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    // Known phases first in run order, then any others in the caller's order, so files read the
    // same way every time.
    private static Map<String, Duration> inPhaseOrder(Map<String, Duration> given) {
        Map<String, Duration> ordered = new LinkedHashMap<>();
        for (String phase : PHASES) {
            if (given.containsKey(phase)) {
                ordered.put(phase, Objects.requireNonNull(given.get(phase), phase));
            }
        }
        given.forEach(ordered::putIfAbsent);
        return java.util.Collections.unmodifiableMap(ordered);
    }
}
