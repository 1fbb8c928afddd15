package io.cutcheck.harness.checker;

/** A checker's verdict. Merging keeps the worst: INVALID over UNKNOWN over VALID. */
public enum Validity {
    VALID,
    UNKNOWN,
    INVALID;

    public Validity and(Validity other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The process exit code for this verdict: 0 valid, 1 invalid, 2 unknown (as Jepsen). */
    public int exitCode() {
        return switch (this) {
            case VALID -> 0;
            case INVALID -> 1;
            case UNKNOWN -> 2;
        };
    }
}
