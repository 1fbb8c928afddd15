package io.cutcheck.sut.control;

import com.fasterxml.jackson.annotation.JsonValue;

/** A checkpoint's status; committed is final. */
public enum CheckpointStatus {
    PENDING, COMMITTED, ABORTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
