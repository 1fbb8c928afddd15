package io.cutcheck.cli.conform;

import java.util.ArrayList;
import java.util.List;

/**
 * What one rule found while it ran, possibly on several nodes at once: the first few problems,
 * each with its evidence. A rule that found none passes. Thread-safe, since the nodes of a rule
 * are often probed concurrently.
 */
final class Findings {

    /** Enough to see a pattern, few enough to keep the table readable. */
    static final int MAX_EVIDENCE = 4;

    private final Rule rule;
    private final List<String> problems = new ArrayList<>();
    private final List<List<String>> evidence = new ArrayList<>();
    private int count;

    Findings(Rule rule) {
        this.rule = rule;
    }

    Rule rule() {
        return rule;
    }

    /** Records a problem; {@code calls} are the call lines that show it. */
    synchronized void problem(String what, String... calls) {
        count++;
        if (problems.size() < MAX_EVIDENCE) {
            problems.add(what);
            evidence.add(List.of(calls));
        }
    }

    /** Records a problem shown by one call (none: null). */
    void problem(String what, Http.Call call) {
        if (call == null) {
            problem(what);
        } else {
            problem(what, call.describe());
        }
    }

    /** Checks a condition: when false, a problem shown by {@code call}. */
    boolean require(boolean condition, String what, Http.Call call) {
        if (!condition) {
            problem(what, call);
        }
        return condition;
    }

    synchronized boolean clean() {
        return count == 0;
    }

    /**
     * PASS with {@code note} when nothing was found, else FAIL with the first problem as its note
     * and, as evidence, each of the first problems followed by its calls.
     */
    synchronized Outcome outcome(String note) {
        if (count == 0) {
            return Outcome.pass(rule, note);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0) {
                lines.add("also: " + problems.get(i));
            }
            String indent = i > 0 ? "  " : "";
            evidence.get(i).forEach(call -> lines.add(indent + call));
        }
        String more = count > 1 ? " (" + count + " problems)" : "";
        return Outcome.fail(rule, problems.get(0) + more, lines);
    }
}
