package io.cutcheck.sut.control;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a node reports in {@code /health}. */
public enum NodeStatus {
    STARTING, RUNNING, RECOVERING;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
