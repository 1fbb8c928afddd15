package io.cutcheck.reports.figures;

import io.cutcheck.harness.history.OpType;

/**
 * One client operation: an invoke paired with its completion.
 *
 * @param process the client process
 * @param f the operation's function
 * @param outcome OK, FAIL or INFO
 * @param invokedAt wall-clock time of the invoke (ms since the epoch)
 * @param completedAt wall-clock time of the completion
 * @param latencyNanos monotonic time from invoke to completion
 */
public record OperationSample(int process, String f, OpType outcome, long invokedAt, long completedAt,
                              long latencyNanos) {

    public double latencyMs() {
        return latencyNanos / 1_000_000.0;
    }
}
