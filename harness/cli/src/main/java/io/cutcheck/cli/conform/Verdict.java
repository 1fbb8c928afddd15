package io.cutcheck.cli.conform;

/**
 * What the kit concluded about one rule. SKIP means the system does not offer what the rule
 * needs (a workload without an output store, a role with a single node), never that the rule was
 * broken.
 */
public enum Verdict {
    PASS,
    FAIL,
    SKIP
}
