package io.cutcheck.harness.checker;

import io.cutcheck.harness.observe.Observations;

/**
 * Judges a run from what was observed, against the invariants of the SUT protocol.
 *
 * <p>Rules: a checker reads only the observations (history, events, checkpoints and their
 * content, input and output); it never knows which system or defect produced them, so it judges
 * a third-party system the same way. It never throws for bad data: missing evidence is UNKNOWN,
 * a violated invariant is INVALID with the smallest evidence. It is a pure function, so
 * {@code analyze} on a saved run gives the same verdict.
 */
public interface Checker {

    String name();

    CheckResult check(Observations observations);
}
