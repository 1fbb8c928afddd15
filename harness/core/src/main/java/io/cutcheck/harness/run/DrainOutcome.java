package io.cutcheck.harness.run;

/**
 * How the drain phase ended.
 *
 * @param drained whether it saw all input processed and a final checkpoint commit
 * @param finalCheckpoint the checkpoint it ended with, or null (none committed, or not known)
 * @param note what it saw, one line; null when the drain did not take place here
 */
public record DrainOutcome(boolean drained, Long finalCheckpoint, String note) {

    /**
     * For a run cut short before its drain ended, or a saved store judged again: only whether the
     * store says the run drained ({@code final-state.json}); which checkpoint it ended with was
     * never recorded there.
     */
    public static DrainOutcome fromStore(boolean drained) {
        return new DrainOutcome(drained, null, null);
    }
}
