package io.cutcheck.cli.conform;

import java.util.List;

/**
 * The result of one rule: the verdict, a short note (a measurement for a pass, the reason for a
 * skip, what is wrong for a failure) and, for a failure, the evidence: the calls made and what
 * came back, one line each, so a system's author can reproduce them with curl.
 */
public record Outcome(Rule rule, Verdict verdict, String note, List<String> evidence) {

    public Outcome {
        note = note == null ? "" : note;
        evidence = List.copyOf(evidence);
    }

    public static Outcome pass(Rule rule, String note) {
        return new Outcome(rule, Verdict.PASS, note, List.of());
    }

    public static Outcome skip(Rule rule, String why) {
        return new Outcome(rule, Verdict.SKIP, why, List.of());
    }

    public static Outcome fail(Rule rule, String what, List<String> evidence) {
        return new Outcome(rule, Verdict.FAIL, what, evidence);
    }

    public static Outcome fail(Rule rule, String what, String... evidence) {
        return fail(rule, what, List.of(evidence));
    }
}
