package io.cutcheck.harness.observe;

import io.cutcheck.harness.nemesis.Fault;
import io.cutcheck.harness.store.JsonlWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records faults as executed into {@code nemesis.jsonl}: a line when a fault begins (no heal
 * time yet) and a line when it is healed; a reader keeps the last line per fault id.
 */
public final class FaultRecorder {

    private final JsonlWriter out;
    private final Map<Integer, FaultRecord> active = new HashMap<>();
    private int injected;

    public FaultRecorder(JsonlWriter out) {
        this.out = out;
    }

    public synchronized void started(Fault fault, long atMillis, String error) {
        started(fault, atMillis, error, null);
    }

    /** As {@link #started(Fault, long, String)}, with the newest checkpoint begun when it began. */
    public synchronized void started(Fault fault, long atMillis, String error, Long checkpoint) {
        FaultRecord record = new FaultRecord(fault.id(), fault.kind(), fault.targets(), atMillis, null, error,
                checkpoint);
        active.put(fault.id(), record);
        injected++;
        out.write(record);
    }

    public synchronized void healed(Fault fault, long atMillis, String error) {
        FaultRecord started = active.remove(fault.id());
        long startedAt = started == null ? atMillis : started.startedAt();
        String why = error != null ? error : started == null ? null : started.error();
        out.write(new FaultRecord(fault.id(), fault.kind(), fault.targets(), startedAt, atMillis, why,
                started == null ? null : started.checkpoint()));
    }

    public synchronized int activeCount() {
        return active.size();
    }

    public synchronized int injectedCount() {
        return injected;
    }

    public synchronized List<FaultRecord> active() {
        return List.copyOf(active.values());
    }
}
