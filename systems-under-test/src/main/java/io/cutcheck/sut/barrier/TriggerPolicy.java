package io.cutcheck.sut.barrier;

import io.cutcheck.sut.control.TriggerSettings;
import java.util.Optional;

/** When the automatic triggers fire: every {@code intervalMs} ms, and every {@code everyRecords} records read by the sources. */
final class TriggerPolicy {
    private volatile TriggerSettings settings;
    private long lastAt;
    private long recordsAtLast;

    TriggerPolicy(TriggerSettings settings, long now) {
        this.settings = settings;
        this.lastAt = now;
    }

    TriggerSettings settings() {
        return settings;
    }

    void update(TriggerSettings newSettings) {
        settings = newSettings;
    }

    /** The reason of a due trigger, given the sources' total of records read. */
    Optional<String> due(long now, long recordsRead) {
        TriggerSettings s = settings;
        if (s.everyRecords() > 0 && recordsRead - recordsAtLast >= s.everyRecords()) {
            return Optional.of("records");
        }
        if (s.intervalMs() > 0 && now - lastAt >= s.intervalMs()) {
            return Optional.of("interval");
        }
        return Optional.empty();
    }

    void triggered(long now, long recordsRead) {
        lastAt = now;
        recordsAtLast = recordsRead;
    }
}
