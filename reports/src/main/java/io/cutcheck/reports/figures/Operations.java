package io.cutcheck.reports.figures;

import io.cutcheck.harness.history.Op;
import io.cutcheck.harness.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history's operations as invoke/completion pairs. A process performs one operation at a
 * time, so a completion belongs to the last invoke of its process; invokes never completed are
 * counted as {@link #pending}.
 */
public record Operations(List<OperationSample> completed, int pending) {

    public Operations {
        completed = List.copyOf(completed);
    }

    public static Operations of(List<Op> history) {
        Map<Integer, Op> open = new HashMap<>();
        List<OperationSample> completed = new ArrayList<>();
        for (Op op : history) {
            if (op.type() == OpType.INVOKE) {
                open.put(op.process(), op);
                continue;
            }
            Op invoke = open.remove(op.process());
            if (invoke != null) {
                completed.add(new OperationSample(op.process(), op.f(), op.type(), invoke.wallMillis(), op.wallMillis(),
                        Math.max(0, op.monoNanos() - invoke.monoNanos())));
            }
        }
        return new Operations(completed, open.size());
    }

    public long count(OpType outcome) {
        return completed.stream().filter(s -> s.outcome() == outcome).count();
    }

    /** Latencies in whole ms, of every completed operation whatever its outcome. */
    public DurationStats latency() {
        return DurationStats.of(completed.stream().map(s -> Math.round(s.latencyMs())).toList());
    }
}
