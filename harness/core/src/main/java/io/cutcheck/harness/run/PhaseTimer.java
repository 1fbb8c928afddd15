package io.cutcheck.harness.run;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Measures how long each phase took (monotonic clock). */
final class PhaseTimer {

    private final Map<Phase, Long> millis = new EnumMap<>(Phase.class);
    private volatile Phase current;
    private long startedNanos;

    synchronized void begin(Phase phase) {
        endCurrent();
        current = phase;
        startedNanos = System.nanoTime();
    }

    synchronized void endCurrent() {
        if (current != null) {
            millis.put(current, (System.nanoTime() - startedNanos) / 1_000_000);
            current = null;
        }
    }

    Phase current() {
        return current;
    }

    /** Phase label → wall time, in phase order, for the phases that ran. */
    synchronized Map<String, Duration> asMap() {
        Map<String, Duration> out = new LinkedHashMap<>();
        millis.forEach((p, ms) -> out.put(p.label(), Duration.ofMillis(ms)));
        return out;
    }
}
