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

    /**
     * Where in the chain from cause to consequence this checker's findings sit, so a diagnosis
     * lists what the system did wrong at commit and restore before the lost or duplicated output
     * it led to. A checker of the output (the default) comes after those of the checkpoints.
     */
    default Stage stage() {
        return Stage.OUTPUT;
    }

    /** The stages, in the order a diagnosis lists them. */
    enum Stage {
        /** The store itself: evidence that could not be read. */
        EVIDENCE,
        /** What was committed, and what recovery restored. */
        RECOVERY,
        /** The content of committed checkpoints: is each a consistent cut. */
        CUT,
        /** Output, final state, acknowledged input: the consequences users see. */
        OUTPUT,
        /** Whether the system kept committing and drained. */
        LIVENESS
    }
}
