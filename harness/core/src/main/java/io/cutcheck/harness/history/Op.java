package io.cutcheck.harness.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One line of the history. An operation is an {@link OpType#INVOKE} followed, on the same
 * {@code process}, by exactly one completion ({@code OK}, {@code FAIL} or {@code INFO}) with the
 * same {@code f}. A process performs one operation at a time.
 *
 * @param index position in the history, from 0, assigned by the recorder
 * @param type invoke or the kind of completion
 * @param process the logical client process that performed it
 * @param f the operation's function, defined by the workload (for example {@code append})
 * @param value the operation's argument on invoke, its result on completion; may be null
 * @param monoNanos harness monotonic time ({@link System#nanoTime()} relative to the run's start)
 * @param wallMillis wall-clock time in ms since the epoch, to line up with node events
 * @param error why a FAIL or INFO happened, or null
 */
public record Op(long index, OpType type, int process, String f, JsonNode value,
                 long monoNanos, long wallMillis, String error) {

    public Op {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
    }

    public static Op invoke(int process, String f, JsonNode value) {
        return new Op(-1, OpType.INVOKE, process, f, value, 0, 0, null);
    }

    /** The completion of this invocation: same process and function. */
    public Op complete(OpType outcome, JsonNode result, String error) {
        if (!outcome.isCompletion()) {
            throw new IllegalArgumentException("a completion cannot be " + outcome);
        }
        return new Op(-1, outcome, process, f, result, 0, 0, error);
    }

    public Op withIndexAndTime(long newIndex, long newMonoNanos, long newWallMillis) {
        return new Op(newIndex, type, process, f, value, newMonoNanos, newWallMillis, error);
    }
}
