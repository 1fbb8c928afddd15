package io.cutcheck.cli.conform;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance table: one row per rule, in the protocol's order, whatever order the checks
 * finished in. A rule the kit never got to (set-up failed part-way, Ctrl-C) is a SKIP that says
 * so. Exit status: 0 when no rule failed, 1 when one did.
 */
public final class Report {

    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    /** Records an outcome; a failure replaces an earlier pass of the same rule, never the reverse. */
    public synchronized void record(Outcome outcome) {
        Outcome earlier = outcomes.get(outcome.rule().id());
        if (earlier == null || (earlier.verdict() != Verdict.FAIL && outcome.verdict() == Verdict.FAIL)) {
            outcomes.put(outcome.rule().id(), outcome);
        }
    }

    public synchronized Outcome outcome(String ruleId) {
        return outcomes.get(ruleId);
    }

    /** Every rule of {@code rules} with its outcome, in that order; those never recorded as skipped. */
    public synchronized List<Outcome> rows(List<Rule> rules, String notReached) {
        return rules.stream().map(r -> outcomes.getOrDefault(r.id(), Outcome.skip(r, notReached))).toList();
    }

    /** "1 node", "3 nodes". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code text} cut to {@code max} characters. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public static int exitCode(List<Outcome> rows) {
        return rows.stream().anyMatch(o -> o.verdict() == Verdict.FAIL) ? 1 : 0;
    }

    /** Prints the table and the summary line. */
    public static void print(List<Outcome> rows, double seconds, PrintWriter out) {
        int width = rows.stream().mapToInt(o -> o.rule().text().length()).max().orElse(10);
        int sectionWidth = rows.stream().mapToInt(o -> o.rule().sectionLabel().length()).max().orElse(2);
        out.printf("%-" + sectionWidth + "s  %-" + width + "s  %s%n", "§", "rule", "result");
        for (Outcome o : rows) {
            out.printf("%-" + sectionWidth + "s  %-" + width + "s  %-4s%s%n", o.rule().sectionLabel(), o.rule().text(),
                    o.verdict(), o.note().isEmpty() ? "" : "  " + o.note());
            for (String line : o.evidence()) {
                out.printf("%" + (sectionWidth + 2) + "s    %s%n", "", line);
            }
        }
        long pass = rows.stream().filter(o -> o.verdict() == Verdict.PASS).count();
        long fail = rows.stream().filter(o -> o.verdict() == Verdict.FAIL).count();
        long skip = rows.stream().filter(o -> o.verdict() == Verdict.SKIP).count();
        out.printf("conform: %d rules: %d PASS, %d FAIL, %d SKIP in %.1f s%n", rows.size(), pass, fail, skip, seconds);
        out.flush();
    }
}
