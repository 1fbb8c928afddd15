package io.cutcheck.sut.services;

import com.fasterxml.jackson.annotation.JsonValue;

/** The life of an output-store transaction: open → prepared → committed, or aborted from open or prepared. */
public enum TxnState {
    OPEN, PREPARED, COMMITTED, ABORTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TxnState parse(String text) {
        return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
}
