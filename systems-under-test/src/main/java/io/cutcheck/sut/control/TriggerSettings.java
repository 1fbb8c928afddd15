package io.cutcheck.sut.control;

/** The automatic checkpoint triggers: every {@code intervalMs} ms and every {@code everyRecords} records (0 = off). */
public record TriggerSettings(long intervalMs, long everyRecords) {
    public TriggerSettings {
        if (intervalMs < 0 || everyRecords < 0) {
            throw new IllegalArgumentException("trigger settings must be >= 0");
        }
    }
}
