package io.cutcheck.harness.client;

import io.cutcheck.harness.history.Op;

/**
 * Performs a workload's operations against the system (or its input log and output store).
 *
 * <p>Rules, as in Jepsen: {@link #invoke(Op)} returns the completion of the given invocation,
 * with the same process and function: {@code OK} if it took place, {@code FAIL} only if it
 * definitely did not, {@code INFO} if the outcome is unknown. A thrown exception, or a hang past
 * the harness's timeout, is recorded as {@code INFO}. One client instance serves one process
 * at a time. Opening a client must not change the logical state of the test.
 */
public interface Client extends AutoCloseable {

    Op invoke(Op invocation) throws Exception;

    @Override
    default void close() {}
}
