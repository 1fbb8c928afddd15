package io.cutcheck.harness.history;

/** What one history entry says about an operation, as in Jepsen. */
public enum OpType {
    /** The client is about to perform the operation. */
    INVOKE,
    /** The operation took place. */
    OK,
    /** The operation definitely did not take place. */
    FAIL,
    /** The outcome is unknown: the operation may or may not have taken place, now or later. */
    INFO;

    public boolean isCompletion() {
        return this != INVOKE;
    }
}
