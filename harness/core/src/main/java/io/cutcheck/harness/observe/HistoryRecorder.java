package io.cutcheck.harness.observe;

import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import io.cutcheck.harness.store.JsonlWriter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Records client operations into {@code history.jsonl} as they happen: assigns each line its
 * index and the harness's monotonic and wall-clock times, and counts outcomes for the live
 * progress line.
 */
public final class HistoryRecorder {

    private final JsonlWriter out;
    private final long startNanos;
    private final Map<OpType, Long> counts = new EnumMap<>(OpType.class);
    private long next;

    public HistoryRecorder(JsonlWriter out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    /** Stamps and writes one line; returns it as written. */
    public synchronized Op record(Op op) {
        Op stamped = op.withIndexAndTime(next++, System.nanoTime() - startNanos, System.currentTimeMillis());
        out.write(stamped);
        counts.merge(op.type(), 1L, Long::sum);
        return stamped;
    }

    public synchronized long count(OpType type) {
        return counts.getOrDefault(type, 0L);
    }
}
